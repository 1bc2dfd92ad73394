package dev.haidian.graph.seed;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One seed CSV file read whole: its header and its rows, each row knowing its line number so that every problem
 * can be reported as {@code file:line:column}.
 *
 * <p>
 * The format is RFC 4180 (comma separated, double-quoted fields, {@code ""} for a quote inside a field) with one
 * record per line, which is what {@code LOAD CSV} and {@code neo4j-admin import} read. An empty field is an
 * absent value, as {@code LOAD CSV} reads it.
 *
 * @param file path relative to the seed directory, as shown in messages
 * @param header column names
 * @param rows data rows in file order
 */
record CsvTable(String file, List<String> header, List<Row> rows) {

	/**
	 * One data row.
	 *
	 * @param line 1-based line number in the file
	 * @param values column name to value; absent (empty) values are not in the map
	 */
	record Row(int line, Map<String, String> values) implements Fields {

		@Override
		public String get(String column) {
			return this.values.get(column);
		}

	}

	/** One data row as the checks of {@link SeedValidator} read it, whether read whole or streamed. */
	interface Fields {

		/** 1-based line number in the file. */
		int line();

		/** The value of a column, or {@code null} when it is empty or not in the header. */
		String get(String column);

	}

	static CsvTable read(Path seedDirectory, Path path, List<SeedProblem> problems) throws IOException {
		String name = seedDirectory.relativize(path).toString().replace('\\', '/');
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
				.toString();
		}
		catch (CharacterCodingException ex) {
			problems.add(new SeedProblem(name, 0, null, "is not valid UTF-8"));
			return new CsvTable(name, List.of(), List.of());
		}
		if (text.startsWith("\uFEFF")) {
			problems.add(new SeedProblem(name, 1, null, "starts with a byte-order mark; save it as UTF-8 without BOM"));
			text = text.substring(1);
		}
		String[] lines = text.split("\r?\n", -1);
		if (lines.length == 0 || lines[0].isBlank()) {
			problems.add(new SeedProblem(name, 1, null, "has no header line"));
			return new CsvTable(name, List.of(), List.of());
		}
		List<String> header = parseLine(name, 1, lines[0], problems);
		List<Row> rows = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			if (lines[i].isEmpty()) {
				continue;
			}
			int line = i + 1;
			List<String> fields = parseLine(name, line, lines[i], problems);
			if (fields == null) {
				continue;
			}
			if (fields.size() != header.size()) {
				problems.add(new SeedProblem(name, line, null,
						"has " + fields.size() + " fields but the header has " + header.size()));
				continue;
			}
			Map<String, String> values = new java.util.LinkedHashMap<>();
			for (int c = 0; c < header.size(); c++) {
				if (!fields.get(c).isEmpty()) {
					values.put(header.get(c), fields.get(c));
				}
			}
			rows.add(new Row(line, values));
		}
		return new CsvTable(name, header, rows);
	}

	/** Parses one record; returns {@code null} (and reports why) when it is malformed. */
	static List<String> parseLine(String file, int line, String text, List<SeedProblem> problems) {
		List<String> fields = new ArrayList<>();
		int length = text.length();
		int i = 0;
		while (true) {
			if (i < length && text.charAt(i) == '"') {
				int start = i;
				StringBuilder field = new StringBuilder();
				i++;
				while (true) {
					int quote = text.indexOf('"', i);
					if (quote < 0) {
						problems.add(new SeedProblem(file, line, "char " + (start + 1), "has an unterminated quoted field"));
						return null;
					}
					field.append(text, i, quote);
					if (quote + 1 < length && text.charAt(quote + 1) == '"') {
						field.append('"');
						i = quote + 2;
						continue;
					}
					i = quote + 1;
					break;
				}
				if (i < length && text.charAt(i) != ',') {
					problems.add(new SeedProblem(file, line, "char " + (i + 1),
							"has text after a closing quote; double any quote inside a quoted field"));
					return null;
				}
				fields.add(field.toString());
			}
			else {
				int comma = text.indexOf(',', i);
				int end = (comma < 0) ? length : comma;
				fields.add(text.substring(i, end));
				i = end;
			}
			if (i >= length) {
				return fields;
			}
			i++; // the comma
		}
	}

	/** Writes one record, quoting the fields that need it. */
	static String formatLine(List<String> fields) {
		return String.join(",", fields.stream()
			.map(f -> (f.contains(",") || f.contains("\"")) ? "\"" + f.replace("\"", "\"\"") + "\"" : f)
			.toList());
	}

}
