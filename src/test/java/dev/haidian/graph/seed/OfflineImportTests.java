package dev.haidian.graph.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import dev.haidian.graph.neo4j.EmbeddedNeo4j;
import dev.haidian.graph.neo4j.EmbeddedNeo4jProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The offline import path against the batched one: the same small generated registry imported both ways must
 * give the same graph, property for property (types included), with the same schema and SeedLoad record.
 * Each offline import gets a data directory and a Neo4j of its own; the reference graph comes from
 * {@link BulkImport} on an ephemeral one.
 */
class OfflineImportTests {

	static final SeedProperties SEED = new SeedProperties("seed", "cypher", "../shared/seeds", SeedProperties.Mode.NEVER,
			false);

	@TempDir
	static Path registry;

	static EmbeddedNeo4j reference;

	static Driver referenceDriver;

	static Graph expected;

	@BeforeAll
	static void importWithTransactions() {
		new SyntheticRegistry(150, 11).write(Path.of("seed"), registry);
		reference = EmbeddedNeo4j.start(properties(null, true), null);
		referenceDriver = GraphDatabase.driver(reference.boltUri(), AuthTokens.none());
		new BulkImport(referenceDriver, new SeedService(referenceDriver, SEED), 5000, line -> { }).run(registry);
		expected = Graph.of(referenceDriver);
	}

	@AfterAll
	static void stop() {
		referenceDriver.close();
		reference.close();
	}

	@Test
	void anOfflineImportGivesExactlyTheGraphOfTheTransactionalImport(@TempDir Path data) {
		List<String> lines = new ArrayList<>();
		Graph graph = importOffline(registry, data, lines::add);
		assertThat(graph.countsPerLabelAndType()).isEqualTo(expected.countsPerLabelAndType());
		assertSameGraph(graph, expected);
		assertThat(lines).anyMatch(l -> l.contains("records/s") && l.contains("ETA"));
		assertThat(data.resolve(OfflineImport.PENDING_MARKER)).doesNotExist();
		assertThat(data.resolve(OfflineImport.WORK_DIRECTORY)).doesNotExist();
		// A store with data is left alone: the next import goes through transactions.
		assertThat(OfflineImport.prepareEmptyStore(data)).isFalse();
		assertThat(OfflineImport.layout(data).databaseDirectory()).exists();
		assertThat(data.resolve(OfflineImport.WORK_DIRECTORY)).doesNotExist();
	}

	@Test
	void theDatabaseOnAnImportedStorePopulatesFullTextIndexesWithABufferSizedFromTheHeap() {
		var buffer = org.neo4j.kernel.api.impl.index.lucene.LuceneSettings.lucene_population_ram_buffer_size;
		long gib = 1L << 30;
		assertThat(OfflineImport.populationSettings(10 * gib)).containsEntry(buffer, 512.0);
		assertThat(OfflineImport.populationSettings(4 * gib)).containsEntry(buffer, 256.0);
		assertThat(OfflineImport.populationSettings(512L << 20)).containsEntry(buffer, 50.0);
	}

	@Test
	void factsWhoseRowsAreNotAdjacentAreFoldedLikeTheTransactionalImportFoldsThem(@TempDir Path copy,
			@TempDir Path data) throws IOException {
		new SyntheticRegistry(20, 3).write(Path.of("seed"), copy);
		// Move the first evidence row of the curated seed's three-row fact (DeepSeek's headquarters) to the end.
		Path file = copy.resolve("relationships/HEADQUARTERED_IN.csv");
		List<String> rows = new ArrayList<>(Files.readAllLines(file));
		String moved = rows.stream().filter(r -> r.startsWith("deepseek,hangzhou,")).findFirst().orElseThrow();
		rows.remove(moved);
		rows.add(moved);
		Files.write(file, rows);
		Graph offline = importOffline(copy, data, line -> { });
		// The reference database is free once the expected graph is taken: import the copy there.
		referenceDriver.executableQuery("MATCH (n) DETACH DELETE n").execute();
		new BulkImport(referenceDriver, new SeedService(referenceDriver, SEED), 5000, line -> { }).run(copy);
		assertSameGraph(offline, Graph.of(referenceDriver));
		assertThat(referenceDriver.executableQuery("""
				MATCH (:Entity {id: 'deepseek'})-[r:HEADQUARTERED_IN]->(:Entity {id: 'hangzhou'})
				RETURN size(r.quotes) AS n""").execute().records().getFirst().get("n").asInt()).isEqualTo(3);
	}

	@Test
	void aBadRowIsRefusedWithItsFileAndLineAndNothingIsWritten(@TempDir Path broken, @TempDir Path data)
			throws IOException {
		new SyntheticRegistry(20, 1).write(Path.of("seed"), broken);
		Path people = broken.resolve("nodes/Person.csv");
		long line = Files.readAllLines(people).size() + 1;
		Files.writeString(people, Files.readString(people) + "syn-p-99999,Nobody,,,\n");
		Path located = broken.resolve("relationships/LOCATED_IN.csv");
		Files.writeString(located, Files.readString(located) + "syn-c-nowhere,beijing,,,synthetic-registry,x\n");
		assertThat(OfflineImport.prepareEmptyStore(data)).isTrue();
		assertThatThrownBy(() -> offline(line2 -> { }).run(broken, data)).isInstanceOf(SeedValidationException.class)
			.hasMessageContaining("nodes/Person.csv:" + line + " [nameZh]")
			.hasMessageContaining("relationships/LOCATED_IN.csv:")
			.hasMessageContaining("'syn-c-nowhere' is not the id of any node");
		assertThat(OfflineImport.layout(data).databaseDirectory()).doesNotExist();
		assertThat(data.resolve(OfflineImport.WORK_DIRECTORY)).doesNotExist();
		assertThat(data.resolve(OfflineImport.PENDING_MARKER)).doesNotExist();
	}

	@Test
	void anImportKilledWhileWritingOrBeforeItsSchemaIsRedoneByTheNextRun(@TempDir Path data) {
		// Killed while the importer writes: a partial store in the work directory, nothing in place.
		assertThat(OfflineImport.prepareEmptyStore(data)).isTrue();
		assertThatThrownBy(() -> offline(line -> {
			if (line.startsWith("relationships/LOCATED_IN.csv")) {
				throw new IllegalStateException("killed");
			}
		}).run(registry, data)).hasMessageContaining("killed");
		assertThat(OfflineImport.layout(data).databaseDirectory()).doesNotExist();

		// Killed after the store moved into place and Neo4j started on it, before schema and SeedLoad.
		assertThat(OfflineImport.prepareEmptyStore(data)).isTrue();
		offline(line -> { }).run(registry, data);
		assertThat(data.resolve(OfflineImport.PENDING_MARKER)).exists();
		EmbeddedNeo4j.start(properties(data, false), null).close();

		assertSameGraph(importOffline(registry, data, line -> { }), expected);
	}

	private static void assertSameGraph(Graph actual, Graph expected) {
		assertThat(actual.nodes()).containsExactlyElementsOf(expected.nodes());
		assertThat(actual.relationships()).containsExactlyElementsOf(expected.relationships());
		assertThat(actual.schema()).containsExactlyElementsOf(expected.schema());
		assertThat(actual.seedLoad()).isEqualTo(expected.seedLoad());
	}

	private static Graph importOffline(Path directory, Path data, Consumer<String> progress) {
		assertThat(OfflineImport.prepareEmptyStore(data)).isTrue();
		OfflineImport.Report report = offline(progress).run(directory, data);
		EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties(data, false), null);
		try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
			OfflineImport.finish(driver, new SeedService(driver, SEED), report, data, progress);
			return Graph.of(driver);
		}
		finally {
			neo4j.close();
		}
	}

	private static OfflineImport offline(Consumer<String> progress) {
		return new OfflineImport(SEED.articlesPath(), SeedService.loadCypherText(SEED), progress, Duration.ZERO);
	}

	private static EmbeddedNeo4jProperties properties(Path data, boolean ephemeral) {
		return new EmbeddedNeo4jProperties(data, ephemeral, "127.0.0.1", 0, 0, false, "neo4j", null, "32m",
				Duration.ofSeconds(2), "");
	}

	/**
	 * A graph written out canonically: every node (labels, every property with its Cypher type) in id order,
	 * every relationship likewise, the schema, and the SeedLoad record without its time.
	 */
	record Graph(List<String> nodes, List<String> relationships, List<String> schema, Map<String, Object> seedLoad) {

		static Graph of(Driver driver) {
			List<String> nodes = driver.executableQuery("""
					MATCH (n) WHERE NOT n:SeedLoad
					RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties,
					       [k IN keys(n) | k + ': ' + valueType(n[k])] AS types ORDER BY id""")
				.execute().records().stream().map(Graph::line).toList();
			List<String> relationships = driver.executableQuery("""
					MATCH (a)-[r]->(b)
					RETURN a.id + ' ' + type(r) + ' ' + b.id AS id, [] AS labels, properties(r) AS properties,
					       [k IN keys(r) | k + ': ' + valueType(r[k])] AS types ORDER BY r.id, id""")
				.execute().records().stream().map(Graph::line).toList();
			List<String> schema = driver.executableQuery("""
					SHOW INDEXES YIELD name, type, labelsOrTypes, properties, options, state
					RETURN name, type, labelsOrTypes, properties, options.indexConfig AS config, state ORDER BY name""")
				.execute().records().stream().map(r -> new TreeMap<>(r.asMap()).toString()).toList();
			Map<String, Object> seedLoad = new TreeMap<>(driver.executableQuery(
					"MATCH (s:SeedLoad) RETURN properties(s) AS p").execute().records().getFirst().get("p").asMap());
			seedLoad.remove("loadedAt");
			return new Graph(nodes, relationships, schema, seedLoad);
		}

		private static String line(Record record) {
			Map<String, String> properties = new TreeMap<>();
			record.get("properties").asMap(Value::toString).forEach(properties::put);
			return record.get("id").asString() + " " + Stream.of(record.get("labels").asList(Value::asString))
				.flatMap(List::stream).sorted().toList() + " " + properties + " "
					+ record.get("types").asList(Value::asString).stream().sorted().toList();
		}

		Map<String, Long> countsPerLabelAndType() {
			Map<String, Long> counts = new TreeMap<>();
			this.nodes.forEach(n -> counts.merge(n.substring(n.indexOf('[') + 1, n.indexOf(']')), 1L, Long::sum));
			this.relationships.forEach(r -> counts.merge(r.split(" ")[1], 1L, Long::sum));
			return counts;
		}

	}

}
