package dev.haidian.graph.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Autowired;

import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The seed graph as loaded on the first start of the service, checked against the seed files and articles. */
class SeedGraphTests extends ServiceTest {

	static final Path SEED = Path.of("seed");

	static final Path ARTICLES = Path.of("../shared/seeds");

	@Autowired
	SeedService seed;

	private List<Record> query(String cypher) {
		return this.driver.executableQuery(cypher).execute().records();
	}

	@Test
	void everyLabelHoldsExactlyTheRowsOfItsSeedFile() throws IOException {
		Map<String, Long> expected = new HashMap<>();
		for (Path file : csv("nodes")) {
			expected.put(baseName(file), (long) rows(file).size());
		}
		Map<String, Long> actual = new HashMap<>();
		for (Record r : query("MATCH (n:Entity) UNWIND labels(n) AS label WITH label WHERE label <> 'Entity' "
				+ "RETURN label, count(*) AS n")) {
			actual.put(r.get("label").asString(), r.get("n").asLong());
		}
		assertThat(actual).isEqualTo(expected);
		assertThat(query("MATCH (n) WHERE NOT n:Entity AND NOT n:SeedLoad RETURN count(n) AS n").getFirst()
			.get("n")
			.asLong()).as("nodes outside the ontology").isZero();
	}

	@Test
	void everyRelationshipTypeHoldsTheFactsAndEvidenceOfItsSeedFile() throws IOException {
		for (Path file : csv("relationships")) {
			String type = baseName(file);
			Set<String> facts = new HashSet<>();
			Set<String> evidence = new HashSet<>();
			for (Map<String, String> row : rows(file)) {
				String fact = row.get("from") + ">" + row.get("to") + "@" + row.get("validFrom");
				facts.add(fact);
				evidence.add(fact + "|" + row.get("source") + "|" + row.get("quote"));
			}
			Record actual = this.driver
				.executableQuery("CYPHER 25 MATCH ()-[r:$($type)]->() RETURN count(r) AS facts, sum(size(r.quotes)) AS evidence")
				.withParameters(Map.of("type", type))
				.execute()
				.records()
				.getFirst();
			assertThat(actual.get("facts").asLong()).as("%s relationships", type).isEqualTo(facts.size());
			assertThat(actual.get("evidence").asLong()).as("%s evidence entries", type).isEqualTo(evidence.size());
		}
	}

	@Test
	void everyRelationshipCarriesEvidenceFromAKnownSource() {
		var broken = query("""
				MATCH (a)-[r]->(b)
				WHERE r.sources IS NULL OR size(r.sources) = 0 OR size(r.sources) <> size(r.quotes)
				   OR any(s IN r.sources WHERE NOT EXISTS { MATCH (:Source {id: s}) })
				   OR any(q IN r.quotes WHERE trim(q) = '')
				RETURN a.id + ' -' + type(r) + '-> ' + b.id AS edge""");
		assertThat(broken).extracting(r -> r.get("edge").asString()).isEmpty();
		assertThat(query("MATCH ()-[r]->() RETURN count(r) AS n").getFirst().get("n").asLong()).isGreaterThan(300);
	}

	@Test
	void everyEntityHasAnEnglishAndAChineseName() {
		var unnamed = query("""
				MATCH (n:Entity) WHERE n.name IS NULL OR trim(n.name) = '' OR n.nameZh IS NULL OR trim(n.nameZh) = ''
				RETURN n.id AS id""");
		assertThat(unnamed).extracting(r -> r.get("id").asString()).isEmpty();
	}

	@Test
	void everyPlaceHasALocationWithPrecisionAndSource() {
		var unplaced = query("""
				MATCH (n:Building|University|Area|City)
				WHERE n.location IS NULL OR n.locationPrecision IS NULL OR n.locationSource IS NULL
				   OR NOT n.locationPrecision IN ['exact', 'approx-200m', 'approx-500m', 'approx-2km', 'centroid']
				RETURN n.id AS id""");
		assertThat(unplaced).extracting(r -> r.get("id").asString()).isEmpty();
		assertThat(query("MATCH (n:Building|University|Area|City) RETURN count(n) AS n").getFirst().get("n").asLong())
			.isGreaterThan(40);
	}

	@Test
	void everyQuoteOccursVerbatimInItsArticle() throws IOException {
		assumeThat(ARTICLES).as("the source articles beside the repository").isDirectory();
		Map<String, String> articles = new HashMap<>();
		for (Record source : query("MATCH (s:Source) RETURN s.id AS id, s.file AS file")) {
			articles.put(source.get("id").asString(), Files.readString(
					ARTICLES.resolve(source.get("file").asString()), StandardCharsets.UTF_8));
		}
		var evidence = query("MATCH ()-[r]->() UNWIND range(0, size(r.quotes) - 1) AS i "
				+ "RETURN r.id AS fact, r.sources[i] AS source, r.quotes[i] AS quote");
		assertThat(evidence).hasSizeGreaterThan(300).allSatisfy(e -> assertThat(articles.get(e.get("source").asString()))
			.as("quote of %s", e.get("fact").asString())
			.contains(e.get("quote").asString()));
	}

	@Test
	void loadingTwiceChangesNothing() {
		Map<String, Object> before = snapshot();
		SeedReport report = this.seed.load(false);
		assertThat(report.nodesCreated()).isZero();
		assertThat(report.relationshipsCreated()).isZero();
		assertThat(snapshot()).isEqualTo(before);
	}

	/** Every node and relationship with all its properties, keyed by business id. */
	Map<String, Object> snapshot() {
		Map<String, Object> graph = new HashMap<>();
		query("MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS p")
			.forEach(r -> graph.put("node " + r.get("id").asString(), List.of(r.get("labels").asList(), r.get("p").asMap())));
		query("MATCH ()-[r]->() RETURN r.id AS id, type(r) AS type, properties(r) AS p")
			.forEach(r -> graph.put("rel " + r.get("id").asString(), List.of(r.get("type").asString(), r.get("p").asMap())));
		return graph;
	}

	static List<Path> csv(String directory) throws IOException {
		try (Stream<Path> files = Files.list(SEED.resolve(directory))) {
			return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
		}
	}

	static List<Map<String, String>> rows(Path file) throws IOException {
		List<SeedProblem> problems = new java.util.ArrayList<>();
		CsvTable table = CsvTable.read(SEED, file, problems);
		assertThat(problems).isEmpty();
		return table.rows().stream().map(CsvTable.Row::values).toList();
	}

	static String baseName(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.length() - 4);
	}

}
