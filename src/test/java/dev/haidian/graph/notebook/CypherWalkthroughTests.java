package dev.haidian.graph.notebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Session;

import org.springframework.beans.factory.annotation.Autowired;

import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement in {@code cypher/notebooks/} and {@code cypher/queries/} runs against the seed graph and keeps
 * the promises its {@code // expect:} lines make, one dynamic test per statement, named by file and title.
 */
class CypherWalkthroughTests extends ServiceTest {

	@Autowired
	NotebookRunner runner;

	@TestFactory
	Stream<DynamicContainer> everyNotebookStepKeepsItsPromise() {
		return NotebookCommand.files("cypher/notebooks").stream().map(this::steps);
	}

	@TestFactory
	Stream<DynamicContainer> everyReferenceQueryKeepsItsPromise() {
		return NotebookCommand.files("cypher/queries").stream().map(this::steps);
	}

	/** The steps of one file run in order, as a reader runs them, sharing the parameters set so far. */
	private DynamicContainer steps(Path file) {
		Notebook notebook = Notebook.read(file);
		Map<String, Object> params = new HashMap<>();
		return DynamicContainer.dynamicContainer(file.getFileName().toString(), notebook.steps().stream().map(step ->
				DynamicTest.dynamicTest(step.title(), () -> {
					assertThat(step.expectations()).as("%s:%d states its expected result", file, step.line())
						.isNotEmpty();
					try (Session session = this.driver.session()) {
						NotebookRunner.StepResult result = this.runner.run(notebook, step, params, session);
						assertThat(result.checks()).as("%s:%d", file, step.line())
							.allSatisfy(check -> assertThat(check.passed())
								.as("%s:%d expect: %s (%s)", file, check.expectation().line(),
										check.expectation().text(), check.detail())
								.isTrue());
					}
				})));
	}

	@Test
	void theNotebooksCoverEveryWalkthroughTopic() {
		assertThat(NotebookCommand.files("cypher/notebooks")).map(p -> p.getFileName().toString())
			.containsExactly("01-cluster-geography.cypher", "02-university-proximity.cypher",
					"03-beijing-hangzhou.cypher", "04-people-networks.cypher", "05-timelines.cypher",
					"06-evidence-audit.cypher");
	}

	@Test
	void eachReferenceQueryIsOneUseCaseWithItsHeader() {
		List<Path> files = NotebookCommand.files("cypher/queries");
		assertThat(files).hasSizeGreaterThanOrEqualTo(6);
		for (Path file : files) {
			Notebook query = Notebook.read(file);
			assertThat(query.steps()).as("%s holds one statement", file).hasSize(1);
			String header = String.join("\n", query.header());
			assertThat(header).as("header of %s", file)
				.contains("Use case:", "Purpose:", "Parameters:", "Expected shape:");
		}
	}

	@Test
	void theNotebookCommandPrintsTablesAndSaysWhetherThePromisesHold() throws IOException {
		Path notebook = Path.of("cypher/notebooks/01-cluster-geography.cypher");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int code = new NotebookCommand(this.runner, null, notebook.toString())
			.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		String out = bytes.toString(StandardCharsets.UTF_8);
		assertThat(code).as(out).isZero();
		assertThat(out).contains("---- 1.1 Which buildings are hubs?", "| building ", "| rongke-information-center | 融科资讯中心 | 4 ",
				"ok    expect: first {building: 'rongke-information-center', tenants: 4}", "expectations hold.");
		assertThat(Files.readString(notebook)).contains(":param radius => 1000");
	}

	@Test
	void theNotebookCommandFailsWhenAPromiseIsBroken(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
		Path notebook = Files.writeString(dir.resolve("broken.cypher"), """
				// expect: rows = 2
				MATCH (c:City {id: 'beijing'}) RETURN c.id AS city;
				""");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int code = new NotebookCommand(this.runner, null, notebook.toString())
			.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		assertThat(code).isEqualTo(1);
		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("FAIL  expect: rows = 2  (got 1 rows)",
				"1 of 1 expectations do not hold.");
	}

	@Test
	void aNotebookCannotChangeTheGraph(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
		Path notebook = Files.writeString(dir.resolve("write.cypher"), """
				// expect: rows = 1
				CREATE (n:Entity {id: 'written-by-a-notebook'}) RETURN n.id AS id;
				""");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int code = new NotebookCommand(this.runner, null, notebook.toString())
			.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		assertThat(code).isEqualTo(2);
		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("write.cypher:2:");
		assertThat(this.driver.executableQuery("MATCH (n {id: 'written-by-a-notebook'}) RETURN n").execute().records())
			.isEmpty();
	}

}
