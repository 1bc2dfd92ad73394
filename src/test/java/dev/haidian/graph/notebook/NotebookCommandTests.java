package dev.haidian.graph.notebook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.haidian.graph.HaidianGraphApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notebook command as a user runs it ({@code --app.notebook.run=…}): a JVM of its own, since the command
 * ends with {@code System.exit}, without a web server ({@link NotebookMode}), on a fresh embedded store that the
 * seed loader fills first. The walkthroughs' content is checked by {@link CypherWalkthroughTests}; this checks
 * that the command starts, runs them and reports through its exit status.
 */
class NotebookCommandTests {

	@Test
	void aNotebookRunStartsWithoutAWebServerRunsEveryStepAndExitsZero(@TempDir Path data) throws Exception {
		String java = ProcessHandle.current().info().command().orElseThrow();
		Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				HaidianGraphApplication.class.getName(),
				"--app.notebook.run=cypher/notebooks/01-cluster-geography.cypher",
				"--app.neo4j.embedded.data-directory=" + data, "--app.neo4j.embedded.page-cache=16m")
			.redirectErrorStream(true)
			.start();
		String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(run.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
		assertThat(run.exitValue()).as(output).isZero();
		assertThat(output).contains("==== cypher/notebooks/01-cluster-geography.cypher")
			.containsPattern("All \\d+ expectations hold\\.");
	}

}
