package dev.haidian.graph.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque cursors of paginated lists: the position in a deterministically ordered result. */
public final class Cursors {

	private Cursors() {
	}

	public static String at(int offset) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
	}

	/** The offset just after {@code after}, 0 when absent. */
	public static int after(String after) {
		if (after == null) {
			return 0;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
			if (text.startsWith("o:")) {
				int offset = Integer.parseInt(text.substring(2));
				if (offset >= 0) {
					return offset + 1;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new InvalidArgumentException("after", "'" + after + "' is not a cursor returned by this list");
	}

}
