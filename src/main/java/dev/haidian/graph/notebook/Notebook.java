package dev.haidian.graph.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cypher walkthrough: a sequence of steps, each purpose (comments) → query → expected result.
 *
 * <p>
 * The file format is plain Cypher that Neo4j Browser (multi-statement editor) and {@code cypher-shell -f} both run
 * as it is: statements end with {@code ;}, comments start with {@code //}, and {@code :param name => expression;}
 * lines set parameters (the {@code ;} is what lets Browser's editor tell a parameter from the next statement). The comments before a statement describe it; among them, {@code // expect: ...} lines state
 * its expected result, so that a reader sees what to look for and {@link NotebookRunner} can check it:
 * <ul>
 * <li>{@code // expect: rows >= 3} (also {@code >}, {@code =}, {@code <=}, {@code <}) — the number of rows;</li>
 * <li>{@code // expect: first {building: 'rongke-information-center', tenants: 4}} — the first row has these
 * values (other columns may hold anything);</li>
 * <li>{@code // expect: row {...}} — some row has these values; {@code // expect: no row {...}} — none has.</li>
 * </ul>
 * The expected values are Cypher map literals, read by Neo4j itself, so they are written exactly like the query's
 * own values. The comment block at the top of the file, up to its first blank line, is the notebook's header.
 *
 * @param name where the notebook came from (file path), used in messages
 * @param header the header comment lines, without {@code //}
 * @param steps the statements in file order
 */
public record Notebook(String name, List<String> header, List<Step> steps) {

	private static final Pattern PARAM = Pattern.compile("^:param\\s+(`[^`]+`|[\\p{L}_][\\p{L}\\p{N}_]*)\\s*=>\\s*(.+?);?\\s*$");

	private static final Pattern COUNT = Pattern.compile("^rows\\s*(>=|<=|=|>|<)\\s*(\\d+)$");

	private static final Pattern ROW = Pattern.compile("^(first|row|no row)\\s+(\\{.*})$");

	/**
	 * One statement of a notebook.
	 *
	 * @param line the line the statement starts on (1-based)
	 * @param description the comment lines before it, without {@code //} and without the expectations
	 * @param params parameters set by {@code :param} lines before it (since the previous statement), in order;
	 * values are Cypher expressions
	 * @param cypher the statement, without its final {@code ;}
	 * @param expectations its expected result
	 */
	public record Step(int line, List<String> description, Map<String, String> params, String cypher,
			List<Expectation> expectations) {

		/** The first description line: the step's title. */
		public String title() {
			return this.description.isEmpty() ? "statement at line " + this.line : this.description.getFirst();
		}

	}

	/**
	 * One {@code // expect:} line.
	 *
	 * @param line where it is written
	 * @param text the expectation as written, after {@code expect:}
	 * @param kind {@code rows}, {@code first}, {@code row} or {@code no row}
	 * @param operator for {@code rows}: the comparison
	 * @param count for {@code rows}: the number compared with
	 * @param values for the row kinds: a Cypher map literal of the expected column values
	 */
	public record Expectation(int line, String text, String kind, String operator, long count, String values) {

	}

	public static Notebook read(Path file) {
		try {
			return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read notebook " + file, ex);
		}
	}

	/**
	 * Splits a notebook into steps.
	 * @throws NotebookException naming the file and line of anything it cannot read
	 */
	public static Notebook parse(String name, String text) {
		List<String> lines = text.replace("\r\n", "\n").lines().toList();
		List<String> header = new ArrayList<>();
		int i = 0;
		while (i < lines.size() && lines.get(i).strip().startsWith("//")) {
			header.add(comment(lines.get(i)));
			i++;
		}
		if (i < lines.size() && !lines.get(i).isBlank()) {
			// No blank line after the first comments: they describe the first statement, not the notebook.
			header.clear();
			i = 0;
		}
		List<Step> steps = new ArrayList<>();
		List<String> description = new ArrayList<>();
		List<Expectation> expectations = new ArrayList<>();
		Map<String, String> params = new LinkedHashMap<>();
		StringBuilder statement = new StringBuilder();
		int statementLine = 0;
		Scanner scanner = new Scanner();
		for (; i < lines.size(); i++) {
			String line = lines.get(i);
			String stripped = line.strip();
			int lineNumber = i + 1;
			if (statement.isEmpty()) {
				if (stripped.isEmpty()) {
					continue;
				}
				if (stripped.startsWith("//")) {
					String comment = comment(stripped);
					if (comment.startsWith("expect:")) {
						expectations.add(expectation(name, lineNumber, comment.substring("expect:".length()).strip()));
					}
					else {
						description.add(comment);
					}
					continue;
				}
				if (stripped.startsWith(":")) {
					Matcher param = PARAM.matcher(stripped);
					if (!param.matches()) {
						throw new NotebookException(name, lineNumber, "only ':param name => expression' client "
								+ "commands are supported here, found: " + stripped);
					}
					params.put(param.group(1).replace("`", ""), param.group(2).strip());
					continue;
				}
				statementLine = lineNumber;
			}
			String rest = scanner.feed(line, statement);
			if (rest != null) {
				String cypher = statement.toString().strip();
				if (!cypher.isEmpty()) {
					steps.add(new Step(statementLine, List.copyOf(description), Map.copyOf(params), cypher,
							List.copyOf(expectations)));
				}
				description.clear();
				expectations.clear();
				params = new LinkedHashMap<>();
				statement.setLength(0);
				if (!rest.isBlank() && !rest.strip().startsWith("//")) {
					throw new NotebookException(name, lineNumber,
							"put one statement per line: text after ';' is not supported: " + rest.strip());
				}
			}
		}
		if (!statement.toString().isBlank()) {
			throw new NotebookException(name, statementLine,
					"the statement starting here does not end with ';' (cypher-shell needs it)");
		}
		if (!expectations.isEmpty()) {
			throw new NotebookException(name, expectations.getFirst().line(),
					"this expectation is not followed by a statement");
		}
		return new Notebook(name, List.copyOf(header), List.copyOf(steps));
	}

	private static String comment(String line) {
		String text = line.strip().substring(2);
		return text.startsWith(" ") ? text.substring(1) : text;
	}

	private static Expectation expectation(String name, int line, String text) {
		Matcher count = COUNT.matcher(text);
		if (count.matches()) {
			return new Expectation(line, text, "rows", count.group(1), Long.parseLong(count.group(2)), null);
		}
		Matcher row = ROW.matcher(text);
		if (row.matches()) {
			return new Expectation(line, text, row.group(1), null, 0, row.group(2));
		}
		throw new NotebookException(name, line, "cannot read the expectation '" + text
				+ "': write 'rows >= N' (or >, =, <=, <), 'first {col: value}', 'row {col: value}' or 'no row {...}'");
	}

	/**
	 * Finds where a statement ends: the first {@code ;} outside strings, quoted names and comments. Keeps its
	 * state across lines, because a string or a block comment may span several.
	 */
	private static final class Scanner {

		private char quote;

		private boolean blockComment;

		/**
		 * Appends the line to the statement up to its terminating {@code ;}.
		 * @return the text after the {@code ;} when the statement ended on this line, else {@code null}
		 */
		String feed(String line, StringBuilder statement) {
			for (int i = 0; i < line.length(); i++) {
				char c = line.charAt(i);
				char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
				if (this.blockComment) {
					if (c == '*' && next == '/') {
						this.blockComment = false;
						statement.append("*/");
						i++;
						continue;
					}
				}
				else if (this.quote != 0) {
					if (c == '\\' && this.quote != '`' && next != 0) {
						statement.append(c).append(next);
						i++;
						continue;
					}
					if (c == this.quote) {
						this.quote = 0;
					}
				}
				else if (c == '\'' || c == '"' || c == '`') {
					this.quote = c;
				}
				else if (c == '/' && next == '/') {
					statement.append(line, i, line.length()).append('\n');
					return null;
				}
				else if (c == '/' && next == '*') {
					this.blockComment = true;
					statement.append("/*");
					i++;
					continue;
				}
				else if (c == ';') {
					return line.substring(i + 1);
				}
				statement.append(c);
			}
			statement.append('\n');
			return null;
		}

	}

}
