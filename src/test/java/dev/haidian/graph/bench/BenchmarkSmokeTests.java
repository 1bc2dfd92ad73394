package dev.haidian.graph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.haidian.graph.query.CypherRunner;
import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's load driver at a tiny size, so the benchmark command cannot rot between runs. */
class BenchmarkSmokeTests extends ServiceTest {

	@Autowired
	CypherRunner runner;

	@Test
	void theLoadDriverCompletesAndWritesItsReport() throws Exception {
		Path report = Path.of("target/benchmark-smoke.md");
		Files.deleteIfExists(report);
		new LoadDriver(this.port, this.driver, this.statements, new LoadDriver.Settings(1, 4, List.of(1, 2)),
				java.time.Duration.ofSeconds(5), this.runner)
			.run("smoke test", "./mvnw verify", report);
		String text = Files.readString(report);
		assertThat(text).contains("| firmsNear(清华大学, 1.5 km, first 20) | 1 | 1 |", "| companies(first 20, page 2) | 1 | 2 |")
			.contains("The service ran its statements in-process")
			.doesNotContain("failed:");
	}

}
