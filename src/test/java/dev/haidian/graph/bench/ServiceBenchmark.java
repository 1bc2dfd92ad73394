package dev.haidian.graph.bench;

import org.junit.jupiter.api.Tag;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.haidian.graph.query.CypherRunner;
import dev.haidian.graph.query.Limits;
import dev.haidian.graph.support.StatementCounter;

/**
 * Base of the latency benchmarks: the application on its own embedded Neo4j (an ephemeral seed graph, or
 * {@code -Dbench.ephemeral=false -Dbench.seed-load=never -Dbench.data-directory=…} for an imported store), with
 * the statement counter that captures what each request sent. One configuration, so that the benchmarks of a
 * {@code -Pbenchmark} run share one Spring context and one Neo4j.
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
abstract class ServiceBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@Autowired
	StatementCounter statements;

	/** The service's statement timeout, which the driver side of a comparison uses too. */
	@Autowired
	Limits limits;

	/** The service's in-process statement runner (absent when it talks Bolt). */
	@Autowired
	ObjectProvider<CypherRunner> runner;

}
