package dev.haidian.graph.bench;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The headline-query benchmark (see {@link LoadDriver}). Not a test: {@code ./mvnw -Pbenchmark verify} runs it
 * on the seed graph (an ephemeral store); {@code -Dbench.ephemeral=false -Dbench.seed-load=never -Dbench.data-directory=/tmp/registry-db} runs it on a store made
 * by the bulk import (e.g. a million generated firms). Writes {@code target/benchmark-headline.md}.
 */
class HeadlineLatencyBenchmark extends ServiceBenchmark {

	@Test
	void headlineQueriesGraphQlVersusDriver() throws Exception {
		String store = System.getProperty("bench.data-directory");
		String scale = (store == null) ? "seed graph" : "store " + store;
		String command = LoadDriver.command("HeadlineLatencyBenchmark");
		String counts = this.driver.executableQuery(
				"CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels")
			.execute().records().getFirst().values().toString();
		String report = new LoadDriver(this.port, this.driver, this.statements, LoadDriver.Settings.fromSystemProperties(),
				this.limits.timeout(), this.runner.getIfAvailable())
			.run(scale + ", [nodes, relationships] = " + counts, command, Path.of("target/benchmark-headline.md"));
		System.out.println("\n" + report);
	}

}
