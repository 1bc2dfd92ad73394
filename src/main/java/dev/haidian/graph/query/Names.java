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
		// Char by char, not by code point: full-width ASCII and every white-space or space character are in the
		// Basic Multilingual Plane, so a surrogate is always kept as it is, as a code point would be. (A loop, not
		// a stream: a bulk import computes this for every name of a million entities.)
		StringBuilder key = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			char folded = (c >= '\uFF01' && c <= '\uFF5E') ? (char) (c - 0xFEE0) : c;
			if (!Character.isWhitespace(folded) && !Character.isSpaceChar(folded)) {
				key.append(folded);
			}
		}
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
