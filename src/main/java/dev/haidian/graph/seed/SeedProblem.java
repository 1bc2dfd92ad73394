package dev.haidian.graph.seed;

/**
 * One thing wrong with the seed files.
 *
 * @param file file relative to the seed directory
 * @param line 1-based line, 0 when the whole file is meant
 * @param column column name (or character position), {@code null} when the whole line is meant
 * @param message what is wrong, phrased to follow the location
 */
public record SeedProblem(String file, int line, String column, String message) {

	@Override
	public String toString() {
		return this.file + (this.line > 0 ? ":" + this.line : "")
				+ (this.column != null ? " [" + this.column + "]" : "") + ": " + this.message;
	}

}
