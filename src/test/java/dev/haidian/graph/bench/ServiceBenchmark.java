package dev.haidian.graph.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import dev.haidian.graph.support.StatementCounter;

/**
 * The service a latency benchmark measures: the application on its own embedded Neo4j (an ephemeral seed graph,
 * or {@code -Dbench.ephemeral=false -Dbench.seed-load=never -Dbench.data-directory=…} for an imported store),
 * with the statement counter that captures what each request sent. One annotation, so that the benchmarks of a
 * {@code -Pbenchmark} run share one Spring context and one Neo4j.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
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
@interface BenchmarkService {

}
