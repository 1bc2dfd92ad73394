package dev.haidian.graph.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A seed with one bad row is refused as a whole, naming file, line and column; the graph is left as it was. */
class SeedRefusalTests extends ServiceTest {

	@Autowired
	SeedProperties properties;

	@TempDir
	Path temp;

	static Stream<Arguments> badRows() {
		return Stream.of(
				Arguments.of("relationships/LOCATED_IN.csv", 2, "from", "no-such-firm",
						"relationships/LOCATED_IN.csv:2 [from]: 'no-such-firm' is not the id of any node"),
				Arguments.of("relationships/FOUNDED.csv", 2, "quote", "",
						"relationships/FOUNDED.csv:2 [quote]: is empty; every relationship needs evidence"),
				Arguments.of("relationships/ISSUED.csv", 3, "source", "people-daily-2030",
						"relationships/ISSUED.csv:3 [source]: 'people-daily-2030' is not an id in nodes/Source.csv"),
				Arguments.of("nodes/Building.csv", 2, "latitude", "39.9x",
						"nodes/Building.csv:2 [latitude]: '39.9x' is not a decimal number of degrees"),
				Arguments.of("nodes/Building.csv", 3, "latitude", "139.9",
						"nodes/Building.csv:3 [latitude]: '139.9' is outside -90..90"),
				Arguments.of("nodes/Person.csv", 3, "id", "li-chao", "[id]: 'li-chao' is already used at nodes/Person.csv:"),
				Arguments.of("relationships/RELEASED.csv", 2, "validFrom", "2026-02-30",
						"relationships/RELEASED.csv:2 [validFrom]: '2026-02-30' is not a calendar date"),
				Arguments.of("relationships/ALUMNUS_OF.csv", 2, "quote", "浙江大学是世界第一",
						"relationships/ALUMNUS_OF.csv:2 [quote]: does not occur verbatim in"));
	}

	@ParameterizedTest(name = "{0}:{1} {2}={3}")
	@MethodSource("badRows")
	void aBadRowIsRefusedWithItsFileLineAndColumn(String file, int line, String column, String value, String message)
			throws IOException {
		Path seed = copyOfSeed();
		edit(seed.resolve(file), line, column, value);
		Map<String, Object> before = snapshot();
		assertThatThrownBy(() -> serviceFor(seed).load(true)).isInstanceOf(SeedValidationException.class)
			.hasMessageContaining("The seed was not loaded (the database is unchanged)")
			.hasMessageContaining(message);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void anUnknownFileOrColumnIsRefused() throws IOException {
		Path seed = copyOfSeed();
		Files.writeString(seed.resolve("nodes/Spaceship.csv"), "id,name,nameZh,aliases,description\n");
		Path founded = seed.resolve("relationships/FOUNDED.csv");
		List<String> lines = new ArrayList<>(Files.readAllLines(founded));
		lines.set(0, lines.get(0) + ",mood");
		for (int i = 1; i < lines.size(); i++) {
			lines.set(i, lines.get(i) + ",");
		}
		Files.write(founded, lines);
		assertThatThrownBy(() -> serviceFor(seed).validate()).isInstanceOf(SeedValidationException.class)
			.hasMessageContaining("nodes/Spaceship.csv: is not a known label")
			.hasMessageContaining("relationships/FOUNDED.csv:1 [mood]: is not a column of this file");
	}

	@Test
	void loadingOverDataWrittenSinceTheSeedIsRefusedUnlessForced() {
		this.driver.executableQuery("CREATE (:Entity:Company {id: 'written-by-a-user', name: 'X', nameZh: 'X'})")
			.execute();
		try {
			Map<String, Object> before = snapshot();
			assertThatThrownBy(() -> serviceFor(this.properties.seedPath()).load(false))
				.isInstanceOf(SeedConflictException.class)
				.hasMessageContaining("was changed after the seed load");
			assertThat(snapshot()).isEqualTo(before);
		}
		finally {
			this.driver.executableQuery("MATCH (n {id: 'written-by-a-user'}) DETACH DELETE n").execute();
		}
	}

	private SeedService serviceFor(Path seed) {
		return new SeedService(this.driver, new SeedProperties(seed.toString(), this.properties.cypherDirectory(),
				this.properties.articlesDirectory(), SeedProperties.Mode.NEVER, false));
	}

	private Path copyOfSeed() throws IOException {
		Path copy = this.temp.resolve("seed");
		FileSystemUtils.copyRecursively(this.properties.seedPath(), copy);
		return copy;
	}

	/** Sets one field of one line (1-based, the header is line 1). */
	private static void edit(Path file, int line, String column, String value) throws IOException {
		List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
		List<String> header = CsvTable.parseLine("", 1, lines.get(0), new ArrayList<>());
		List<String> fields = new ArrayList<>(CsvTable.parseLine("", line, lines.get(line - 1), new ArrayList<>()));
		fields.set(header.indexOf(column), value);
		lines.set(line - 1, CsvTable.formatLine(fields));
		Files.write(file, lines, StandardCharsets.UTF_8);
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> graph = new java.util.HashMap<>();
		this.driver.executableQuery("MATCH (n) RETURN elementId(n) AS id, labels(n) AS l, properties(n) AS p")
			.execute()
			.records()
			.forEach(r -> graph.put(r.get("id").asString(), List.of(r.get("l").asList(), r.get("p").asMap())));
		this.driver.executableQuery("MATCH ()-[r]->() RETURN elementId(r) AS id, properties(r) AS p")
			.execute()
			.records()
			.forEach(r -> graph.put(r.get("id").asString(), r.get("p").asMap()));
		return graph;
	}

}
