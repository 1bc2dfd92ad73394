package dev.haidian.graph.seed;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One seed CSV file read row by row, with the same rules as {@link CsvTable} (strict UTF-8, no byte-order mark,
 * lines split at {@code \n} or {@code \r\n}, empty lines skipped, one record per line): what
 * {@link OfflineImport} reads a registry of hundreds of megabytes with, where {@link CsvTable} would hold a whole
 * file and a map per row in memory. Problems go to the validator's list as {@code file:line}.
 */
final class SeedStream implements Closeable {

	private final String file;

	private final Reader reader;

	private final List<SeedProblem> problems;

	private final char[] buffer = new char[1 << 16];

	private int position;

	private int limit;

	private int lineNumber;

	private final StringBuilder pending = new StringBuilder();

	private List<String> header;

	private Map<String, Integer> columns;

	private boolean broken;

	/**
	 * @param bytesRead counts the bytes read, for progress
	 */
	SeedStream(Path seedDirectory, Path path, List<SeedProblem> problems, AtomicLong bytesRead) throws IOException {
		this.file = seedDirectory.relativize(path).toString().replace('\\', '/');
		this.problems = problems;
		InputStream in = new CountingStream(Files.newInputStream(path), bytesRead);
		this.reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT));
	}

	String file() {
		return this.file;
	}

	/** The header, or {@code null} when the file has none (the problem is recorded). */
	List<String> header() throws IOException {
		if (this.header == null && !this.broken) {
			String first = nextLine();
			if (first != null && first.startsWith("\uFEFF")) {
				this.problems.add(
						new SeedProblem(this.file, 1, null, "starts with a byte-order mark; save it as UTF-8 without BOM"));
				first = first.substring(1);
			}
			if (first == null || first.isBlank()) {
				if (!this.broken) {
					this.problems.add(new SeedProblem(this.file, 1, null, "has no header line"));
				}
				this.broken = true;
				return null;
			}
			this.header = CsvTable.parseLine(this.file, 1, first, this.problems);
			if (this.header == null) {
				this.broken = true;
				return null;
			}
			this.columns = new HashMap<>();
			for (int c = 0; c < this.header.size(); c++) {
				this.columns.putIfAbsent(this.header.get(c), c);
			}
		}
		return this.header;
	}

	/** The next well-formed row, or {@code null} at the end; malformed lines are recorded and skipped. */
	Row next() throws IOException {
		if (header() == null) {
			return null;
		}
		while (true) {
			String text = nextLine();
			if (text == null) {
				return null;
			}
			if (text.isEmpty()) {
				continue;
			}
			List<String> fields = CsvTable.parseLine(this.file, this.lineNumber, text, this.problems);
			if (fields == null) {
				continue;
			}
			if (fields.size() != this.header.size()) {
				this.problems.add(new SeedProblem(this.file, this.lineNumber, null,
						"has " + fields.size() + " fields but the header has " + this.header.size()));
				continue;
			}
			String[] values = new String[fields.size()];
			for (int c = 0; c < values.length; c++) {
				String value = fields.get(c);
				values[c] = value.isEmpty() ? null : value;
			}
			return new Row(this.lineNumber, values, this.columns);
		}
	}

	/** One line without its line break; {@code null} at the end, or after the file turned out not to be UTF-8. */
	private String nextLine() throws IOException {
		if (this.broken) {
			return null;
		}
		try {
			while (true) {
				for (int i = this.position; i < this.limit; i++) {
					if (this.buffer[i] == '\n') {
						String line;
						if (this.pending.isEmpty()) {
							line = new String(this.buffer, this.position, i - this.position);
						}
						else {
							line = this.pending.append(this.buffer, this.position, i - this.position).toString();
							this.pending.setLength(0);
						}
						this.position = i + 1;
						this.lineNumber++;
						return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
					}
				}
				this.pending.append(this.buffer, this.position, this.limit - this.position);
				this.position = 0;
				this.limit = this.reader.read(this.buffer);
				if (this.limit < 0) {
					this.limit = 0;
					if (this.pending.isEmpty()) {
						return null;
					}
					String line = this.pending.toString();
					this.pending.setLength(0);
					this.lineNumber++;
					return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
				}
			}
		}
		catch (CharacterCodingException ex) {
			this.problems.add(new SeedProblem(this.file, 0, null, "is not valid UTF-8"));
			this.broken = true;
			return null;
		}
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
	}

	/** A row: values by column, {@code null} where empty. */
	record Row(int line, String[] values, Map<String, Integer> columns) implements CsvTable.Fields {

		@Override
		public String get(String column) {
			Integer index = this.columns.get(column);
			return (index != null) ? this.values[index] : null;
		}

	}

	private static final class CountingStream extends java.io.FilterInputStream {

		private final AtomicLong count;

		CountingStream(InputStream in, AtomicLong count) {
			super(new java.io.BufferedInputStream(in, 1 << 16));
			this.count = count;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				this.count.addAndGet(n);
			}
			return n;
		}

	}

}
