package dev.haidian.graph.query;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The name normalisation every lookup and every stored {@code nameKeys} entry goes through. */
class NamesTests {

	@Test
	void foldsFullWidthAsciiDropsWhiteSpaceAndLowersCase() {
		assertThat(Names.key("ＤｅｅｐＳｅｅｋ")).isEqualTo("deepseek");
		assertThat(Names.key(" Deep\u3000Seek\t")).isEqualTo("deepseek");
		assertThat(Names.key("月之暗面 Moonshot")).isEqualTo("月之暗面moonshot");
	}

	/** Every character of the Basic Multilingual Plane and a few beyond it, against the definition by code point. */
	@Test
	void agreesWithTheDefinitionByCodePointOnEveryCharacter() {
		for (int c = 0; c <= 0x10FFFF; c = (c < 0xFFFF) ? c + 1 : c + 0x1F7) {
			String name = "Ab" + new String(Character.toChars(c)) + "Ｚ z";
			assertThat(Names.key(name)).as("U+%04X", c).isEqualTo(byCodePoint(name));
		}
		String unpaired = "a\uD800b\uDC00c";
		assertThat(Names.key(unpaired)).isEqualTo(byCodePoint(unpaired));
	}

	private static String byCodePoint(String name) {
		StringBuilder key = new StringBuilder();
		name.codePoints().forEach(c -> {
			int folded = (c >= 0xFF01 && c <= 0xFF5E) ? c - 0xFEE0 : c;
			if (!Character.isWhitespace(folded) && !Character.isSpaceChar(folded)) {
				key.appendCodePoint(folded);
			}
		});
		return key.toString().toLowerCase(Locale.ROOT);
	}

}
