package dev.haidian.graph.bench;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.haidian.graph.support.StatementCounter;

/**
 * The headline-query benchmark (see {@link LoadDriver}). Not a test: {@code ./mvnw -Pbenchmark verify} runs it
 * on the seed graph (an ephemeral store); {@code -Dbench.ephemeral=false -Dbench.seed-load=never -Dbench.data-directory=/tmp/registry-db} runs it on a store made
 * by the bulk import (e.g. a million generated firms). Writes {@code target/benchmark-headline.md}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "app.neo4j.embedded.ephemeral=${bench.ephemeral:true}",
				"app.neo4j.embedded.data-directory=${bench.data-directory:target/unused}",
				"app.neo4j.embedded.bolt-port=0", "app.neo4j.embedded.http-port=0",
				"app.neo4j.embedded.page-cache=${bench.page-cache:256m}", "app.seed.load=${bench.seed-load:if-empty}",
				// before-ready: its statements would otherwise be counted as the first request's
				"app.warmup.mode=before-ready",
				// one benchmark client sends thousands of requests a minute: the per-client rate limit would answer 429
				"app.security.requests-per-minute=1000000000" })
@Import(StatementCounter.class)
class HeadlineLatencyBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@Autowired
	StatementCounter statements;

	@Autowired
	dev.haidian.graph.query.Limits limits;

	@Test
	void headlineQueriesGraphQlVersusDriver() throws Exception {
		String store = System.getProperty("bench.data-directory");
		String scale = (store == null) ? "seed graph" : "store " + store;
		String command = "./mvnw -Pbenchmark verify -Dtest=HeadlineLatencyBenchmark"
				+ ((store == null) ? "" : " -Dbench.ephemeral=false -Dbench.seed-load=never -Dbench.data-directory=" + store)
				+ java.util.stream.Stream.of("bench.page-cache", "bench.warmup", "bench.runs", "bench.clients", "bench.queries")
					.filter(p -> System.getProperty(p) != null)
					.map(p -> " -D" + p + "=" + System.getProperty(p))
					.collect(java.util.stream.Collectors.joining());
		String counts = this.driver.executableQuery(
				"CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels")
			.execute().records().getFirst().values().toString();
		String report = new LoadDriver(this.port, this.driver, this.statements, LoadDriver.Settings.fromSystemProperties(),
				this.limits.timeout())
			.run(scale + ", [nodes, relationships] = " + counts, command, Path.of("target/benchmark-headline.md"));
		System.out.println("\n" + report);
	}

}
