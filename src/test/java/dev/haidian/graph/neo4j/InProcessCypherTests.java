package dev.haidian.graph.neo4j;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.neo4j.kernel.DeadlockDetectedException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import dev.haidian.graph.query.CypherRunner;
import dev.haidian.graph.query.GraphReader;
import dev.haidian.graph.support.ServiceTest;
import dev.haidian.graph.system.WarmUp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service's statements run inside the embedded Neo4j ({@link InProcessCypher}) and must give exactly what the
 * same statements give through the driver: every example query's statement is run both ways and the rows
 * compared, as are values of every Cypher type. A read cannot write, and a timeout is the same error either way.
 */
class InProcessCypherTests extends ServiceTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	CypherRunner runner;

	private CypherRunner overBolt() {
		return GraphReader.overBolt(this.driver);
	}

	@Test
	void theServiceRunsItsStatementsInProcess() {
		long before = this.statements.count();
		this.graphQl.document("{ entity(name: \"月之暗面\") { id } }").execute().path("entity.id").entity(String.class)
			.isEqualTo("moonshot-ai");
		assertThat(this.statements.count() - before).isOne();
		assertThat(this.runner.toString()).as("the counter wraps the in-process runner, not the driver")
			.contains(InProcessCypher.class.getSimpleName());
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyExampleQueryGivesTheSameRowsInProcessAndOverBolt() throws Exception {
		String document = new ClassPathResource("warmup/examples.graphql").getContentAsString(StandardCharsets.UTF_8);
		List<String> operations = WarmUp.queries(document);
		assertThat(operations).hasSizeGreaterThan(10);
		for (String operation : operations) {
			long before = this.statements.count();
			this.graphQl.document(document).operationName(operation).execute().errors().verify();
			if (this.statements.count() == before) {
				continue;
			}
			Object[] sent = this.statements.last();
			String cypher = (String) sent[0];
			Map<String, Object> parameters = (Map<String, Object>) sent[1];
			List<Map<String, Object>> inProcess = this.runner.run(cypher, parameters, false, TIMEOUT);
			List<Map<String, Object>> bolt = overBolt().run(cypher, parameters, false, TIMEOUT);
			assertThat(inProcess).as(operation).isNotEmpty().isEqualTo(bolt);
		}
	}

	@Test
	void valuesOfEveryTypeComeBackAsTheDriverGivesThem() {
		String cypher = """
				MATCH (n:Entity {id: 'moonshot-ai'})
				RETURN 1 AS integer, 1.5 AS float, 'text' AS string, true AS boolean, null AS nothing,
				       [1, 'a', [2.5, null]] AS list, {a: 1, b: {c: [1.5], d: 'x'}} AS map,
				       point({latitude: 39.99, longitude: 116.32}) AS geographic, point({x: 1, y: 2, z: 3}) AS cartesian3d,
				       date('2025-01-02') AS date, datetime('2025-01-02T03:04:05.123+08:00') AS offsetDateTime,
				       datetime('2025-01-02T03:04:05[Asia/Shanghai]') AS zonedDateTime,
				       localdatetime('2025-01-02T03:04:05') AS localDateTime, time('03:04:05+08:00') AS time,
				       localtime('03:04:05') AS localTime, duration('P1Y2M3DT4H5M6.007S') AS duration,
				       n.nameKeys AS stringArrayProperty, n.sources AS sources, n {.id, .name} AS projection,
				       $parameter AS parameter
				""";
		Map<String, Object> parameters = Map.of("parameter", Map.of("list", List.of(1, 2L), "number", 3));
		Map<String, Object> inProcess = this.runner.run(cypher, parameters, false, TIMEOUT).getFirst();
		Map<String, Object> bolt = overBolt().run(cypher, parameters, false, TIMEOUT).getFirst();
		assertThat(inProcess).isEqualTo(bolt);
		assertThat(List.copyOf(inProcess.keySet())).isEqualTo(List.copyOf(bolt.keySet()));
		assertThat(inProcess.get("stringArrayProperty")).isInstanceOf(List.class);
		assertThat(inProcess.get("integer")).isEqualTo(1L);
		assertThat(inProcess.get("parameter")).isEqualTo(Map.of("list", List.of(1L, 2L), "number", 3L));
	}

	@Test
	void aReadThatWritesFailsAndLeavesNothingBehind() {
		assertThatThrownBy(() -> this.runner.run("CREATE (:InProcessProbe) RETURN 1 AS one", Map.of(), false, TIMEOUT))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("read statement changed the graph");
		assertThat(this.driver.executableQuery("MATCH (n:InProcessProbe) RETURN count(n) AS n")
			.execute()
			.records()
			.getFirst()
			.get("n")
			.asLong()).isZero();
	}

	@Test
	void aStatementPastItsTimeoutIsTheSameErrorEitherWay() {
		String slow = "UNWIND range(1, 2000000000) AS i WITH i WHERE i = -1 RETURN count(i) AS found";
		for (CypherRunner way : List.of(this.runner, overBolt())) {
			long started = System.nanoTime();
			assertThatThrownBy(() -> way.run(slow, Map.of(), false, Duration.ofMillis(300)))
				.isInstanceOf(GraphReader.QueryTimeoutException.class)
				.hasMessageContaining("longer than the 300 ms limit");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
		}
	}

	@Test
	void aTransientFailureIsTriedAgainAndOthersAreNot() {
		AtomicInteger tries = new AtomicInteger();
		assertThat(InProcessCypher.retrying(() -> {
			if (tries.incrementAndGet() < 3) {
				throw DeadlockDetectedException.deadlockDetected("two writers");
			}
			return "done";
		}, TIMEOUT)).isEqualTo("done");
		assertThat(tries).hasValue(3);

		tries.set(0);
		assertThatThrownBy(() -> InProcessCypher.retrying(() -> {
			tries.incrementAndGet();
			throw DeadlockDetectedException.deadlockDetected("for ever");
		}, TIMEOUT)).isInstanceOf(DeadlockDetectedException.class);
		assertThat(tries).hasValue(InProcessCypher.ATTEMPTS);

		tries.set(0);
		assertThatThrownBy(() -> InProcessCypher.retrying(() -> {
			tries.incrementAndGet();
			throw new IllegalArgumentException("not transient");
		}, TIMEOUT)).isInstanceOf(IllegalArgumentException.class);
		assertThat(tries).hasValue(1);
	}

}
