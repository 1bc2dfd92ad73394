package dev.haidian.graph.query;

/**
 * The normalisation under which names match: full-width ASCII folded to half-width, lower case, no white space.
 * {@code cypher/seed/10-nodes.cypher} stores every entity's names normalised the same way in {@code nameKeys},
 * so "ＤｅｅｐＳｅｅｋ", "deep seek" and "DeepSeek" all resolve to DeepSeek.
 */
public final class Names {

	private Names() {
	}

	public static String key(String name) {
		StringBuilder key = new StringBuilder(name.length());
		name.codePoints().forEach(c -> {
			int folded = (c >= 0xFF01 && c <= 0xFF5E) ? c - 0xFEE0 : c;
			if (!Character.isWhitespace(folded) && !Character.isSpaceChar(folded)) {
				key.appendCodePoint(folded);
			}
		});
		return key.toString().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * A Lucene query for exactly one normalised name in a keyword-analysed full-text index: the whole key as one
	 * quoted term, so no character of it is query syntax.
	 */
	public static String keywordQuery(String key) {
		return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * A Lucene query for the normalised names that contain {@code key}, in a keyword-analysed full-text index:
	 * {@code *key*} with the key's query syntax escaped.
	 */
	public static String containsQuery(String key) {
		return "*" + luceneTerms(key) + "*";
	}

	/** Escapes Lucene query syntax so that user text is searched as text. */
	public static String luceneTerms(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toCharArray()) {
			if ("+-&|!(){}[]^\"~*?:\\/".indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString().strip();
	}

}
