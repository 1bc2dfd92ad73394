package dev.haidian.graph.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Neo4j Browser in a real headless browser (Debian chromium driven by playwright-core, see
 * {@code src/test/e2e/browser-guide.mjs}): it connects, applies our style, opens our guide, runs a guide query and
 * shows our nodes with our captions, with every request to the internet refused; then every notebook and reference
 * query, pasted into Browser's editor, runs without an error. Screenshots go to {@code target/browser-e2e/}.
 *
 * <p>
 * Node, chromium and the npm package are installed by {@code .ci/run}; on a developer machine without them the
 * test is skipped with a message saying what is missing, but in CI ({@code CI} set) it fails instead, so that a
 * missing install cannot pass for a green run.
 */
class BrowserEndToEndTests extends ServiceTest {

	private static final Path E2E = Path.of("src/test/e2e");

	@Test
	void browserConnectsStylesOurGraphAndOpensOurGuideWithoutInternet() throws Exception {
		requireTools();
		Path screenshot = Path.of("target/browser-e2e/browser-guide.png").toAbsolutePath();
		Files.createDirectories(screenshot.getParent());
		// The newcomer's way in: the app's /browser, which redirects to Browser on the embedded server.
		String url = "http://localhost:" + this.port + "/browser";
		List<String> command = new ArrayList<>(List.of("node", "browser-guide.mjs", url, screenshot.toString()));
		// Every notebook and reference query must also run when pasted into Browser's editor.
		for (String directory : List.of("cypher/notebooks", "cypher/queries")) {
			try (Stream<Path> files = Files.list(Path.of(directory))) {
				files.filter(f -> f.toString().endsWith(".cypher"))
					.sorted()
					.forEach(f -> command.add(f.toAbsolutePath().toString()));
			}
		}
		Process process = new ProcessBuilder(command).directory(E2E.toFile())
			.redirectErrorStream(true)
			.start();
		boolean finished = process.waitFor(240, TimeUnit.SECONDS);
		if (!finished) {
			process.destroyForcibly();
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(finished).as("headless browser finished within 240 s; output:%n%s", output).isTrue();
		assertThat(process.exitValue()).as("headless browser check; output:%n%s", output).isZero();
		assertThat(output).contains("guide opened after connect", "with our captions and colours",
				"01-cluster-geography.cypher: 5 statements ran in Browser");
		assertThat(screenshot).isNotEmptyFile();
	}

	private static void requireTools() {
		String missing = null;
		if (!runs("node", "--version")) {
			missing = "node (Debian package nodejs)";
		}
		else if (!Files.isExecutable(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))) {
			missing = "chromium (Debian package chromium)";
		}
		else if (!Files.isDirectory(E2E.resolve("node_modules/playwright-core"))) {
			missing = "playwright-core (npm ci --prefix src/test/e2e)";
		}
		if (missing == null) {
			return;
		}
		String message = "Headless-browser test needs " + missing + "; .ci/run installs it.";
		if (System.getenv("CI") != null) {
			fail(message);
		}
		Assumptions.abort(message);
	}

	private static boolean runs(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
