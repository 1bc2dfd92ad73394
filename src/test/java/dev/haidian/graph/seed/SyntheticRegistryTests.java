package dev.haidian.graph.seed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import dev.haidian.graph.neo4j.EmbeddedNeo4j;
import dev.haidian.graph.neo4j.EmbeddedNeo4jProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The synthetic registry and its bulk import at a small size, on a Neo4j of their own (no Spring context: the
 * imports replace the graph, which the service tests share).
 */
class SyntheticRegistryTests {

	static final int COMPANIES = 1500;

	static EmbeddedNeo4j neo4j;

	static Driver driver;

	static SeedService seed;

	@TempDir
	static Path registry;

	@BeforeAll
	static void start() {
		neo4j = EmbeddedNeo4j.start(new EmbeddedNeo4jProperties(null, true, "127.0.0.1", 0, 0, false, "neo4j", null,
				"32m", Duration.ofSeconds(2), ""), null);
		driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
		seed = new SeedService(driver,
				new SeedProperties("seed", "cypher", "../shared/seeds", SeedProperties.Mode.NEVER, false));
		new SyntheticRegistry(COMPANIES, 7).write(Path.of("seed"), registry);
	}

	@AfterAll
	static void stop() {
		driver.close();
		neo4j.close();
	}

	@BeforeEach
	void emptyGraph() {
		driver.executableQuery("MATCH (n) DETACH DELETE n").execute();
	}

	@Test
	void theSameSeedNumberWritesIdenticalFilesAndAnotherDoesNot(@TempDir Path again, @TempDir Path other) {
		new SyntheticRegistry(COMPANIES, 7).write(Path.of("seed"), again);
		new SyntheticRegistry(COMPANIES, 8).write(Path.of("seed"), other);
		assertThat(SeedService.checksum(again)).isEqualTo(SeedService.checksum(registry));
		assertThat(SeedService.checksum(other)).isNotEqualTo(SeedService.checksum(registry));
	}

	@Test
	void generatedFilesPassTheSeedValidationWithTheirShape() {
		SeedValidator.Contents contents = seed.validate(registry);
		assertThat(contents.nodesPerLabel().get("Company")).isGreaterThan(COMPANIES);
		assertThat(contents.nodesPerLabel().get("Building")).isGreaterThanOrEqualTo(COMPANIES / 10);
		long relationships = contents.relationshipsPerType().values().stream().mapToLong(Integer::longValue).sum();
		assertThat(relationships).isGreaterThan(4L * COMPANIES);
	}

	@Test
	void importingTwiceGivesTheSameGraphAndTheHeadlineEntitiesAreThere() {
		BulkImport.Report first = new BulkImport(driver, seed, 1000, line -> { }).run(registry);
		Map<String, Object> once = shape();
		BulkImport.Report second = new BulkImport(driver, seed, 1000, line -> { }).run(registry);
		assertThat(shape()).isEqualTo(once);
		assertThat(second.nodes()).isEqualTo(first.nodes());
		assertThat(second.relationships()).isEqualTo(first.relationships());
		assertThat(first.relationships()).isGreaterThan(4L * COMPANIES);
		// The busiest building hosts far more firms than the average (heavy tail).
		long busiest = (long) driver.executableQuery("""
				MATCH (b:Building)<-[:LOCATED_IN]-(c:Company) WITH b, count(c) AS firms RETURN max(firms) AS n""")
			.execute().records().getFirst().get("n").asLong();
		assertThat(busiest).isGreaterThan(50);
		assertThat(driver.executableQuery("MATCH (n:Entity {id: 'tsinghua-university'}) RETURN n.nameZh AS name")
			.execute().records().getFirst().get("name").asString()).isEqualTo("清华大学");
	}

	@Test
	void anImportInterruptedHalfwayAndRunAgainGivesTheSameGraph() {
		new BulkImport(driver, seed, 500, line -> { }).run(registry);
		Map<String, Object> complete = shape();
		driver.executableQuery("MATCH (n) DETACH DELETE n").execute();

		List<String> seen = new ArrayList<>();
		assertThatThrownBy(() -> new BulkImport(driver, seed, 500, line -> {
			seen.add(line);
			if (line.startsWith("relationships/LOCATED_IN.csv")) {
				throw new IllegalStateException("killed");
			}
		}, Duration.ZERO).run(registry)).hasRootCauseMessage("killed");
		long progress = driver.executableQuery("MATCH (p:ImportProgress) RETURN count(p) AS n")
			.execute().records().getFirst().get("n").asLong();
		assertThat(progress).isPositive();

		List<String> resumed = new ArrayList<>();
		BulkImport.Report report = new BulkImport(driver, seed, 500, resumed::add).run(registry);
		assertThat(report.skipped()).isPositive();
		assertThat(shape()).isEqualTo(complete);
		assertThat(resumed.getLast()).contains("records/s");
	}

	@Test
	void aBrokenFileIsRefusedWithItsLineAndNothingIsWritten(@TempDir Path broken) throws Exception {
		new SyntheticRegistry(20, 1).write(Path.of("seed"), broken);
		Path people = broken.resolve("nodes/Person.csv");
		Files.writeString(people, Files.readString(people) + "syn-p-99999,Nobody,,,\n");
		assertThatThrownBy(() -> new BulkImport(driver, seed, 1000, line -> { }).run(broken))
			.isInstanceOf(SeedValidationException.class)
			.hasMessageContaining("nodes/Person.csv:")
			.hasMessageContaining("nameZh");
		assertThat(shape().get("nodes")).isEqualTo(0L);
	}

	/** Counts that differ when anything was lost or doubled: nodes, relationships, evidence, properties. */
	private static Map<String, Object> shape() {
		return driver.executableQuery("""
				CALL () { MATCH (n) WHERE NOT n:SeedLoad RETURN count(n) AS nodes, sum(size(keys(n))) AS nodeProperties }
				CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships, sum(size(r.quotes)) AS evidence,
				          sum(size(keys(r))) AS relationshipProperties }
				CALL () { MATCH (n:ImportProgress) RETURN count(n) AS progress }
				RETURN nodes, nodeProperties, relationships, evidence, relationshipProperties, progress""")
			.execute().records().getFirst().asMap();
	}

}
