package dev.haidian.graph.notebook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The notebook format: what Browser and cypher-shell accept, read into steps. */
class NotebookParserTests {

	@Test
	void readsHeaderStepsParametersAndExpectations() {
		Notebook notebook = Notebook.parse("n.cypher", """
				// Notebook title
				// what it is about

				// 1. First step
				// Why we ask.
				:param radius => 1000;
				:param `place` => 'tsinghua-university'
				// expect: rows >= 2
				// expect: first {id: 'a;b', n: 4}
				MATCH (n) WHERE n.name = 'x; y' // a ';' in a comment
				RETURN n.id AS id, 4 AS n;

				// 2. Second step
				// expect: no row {id: 'z'}
				RETURN "it's" AS id; // trailing comment
				""");
		assertThat(notebook.header()).containsExactly("Notebook title", "what it is about");
		assertThat(notebook.steps()).hasSize(2);
		Notebook.Step first = notebook.steps().getFirst();
		assertThat(first.line()).isEqualTo(10);
		assertThat(first.title()).isEqualTo("1. First step");
		assertThat(first.description()).containsExactly("1. First step", "Why we ask.");
		assertThat(first.params()).containsEntry("radius", "1000").containsEntry("place", "'tsinghua-university'");
		assertThat(first.cypher()).startsWith("MATCH (n) WHERE n.name = 'x; y'").endsWith("RETURN n.id AS id, 4 AS n");
		assertThat(first.expectations()).extracting(Notebook.Expectation::kind).containsExactly("rows", "first");
		assertThat(first.expectations().getFirst().operator()).isEqualTo(">=");
		assertThat(first.expectations().getFirst().count()).isEqualTo(2);
		assertThat(first.expectations().get(1).values()).isEqualTo("{id: 'a;b', n: 4}");
		Notebook.Step second = notebook.steps().get(1);
		assertThat(second.params()).isEmpty();
		assertThat(second.cypher()).isEqualTo("RETURN \"it's\" AS id");
		assertThat(second.expectations().getFirst().kind()).isEqualTo("no row");
	}

	@Test
	void commentsRightAboveTheFirstStatementDescribeItRatherThanTheNotebook() {
		Notebook notebook = Notebook.parse("n.cypher", """
				// expect: rows = 1
				RETURN 1 AS one;
				""");
		assertThat(notebook.header()).isEmpty();
		assertThat(notebook.steps().getFirst().expectations()).hasSize(1);
	}

	@Test
	void aStatementWithoutItsSemicolonIsRefusedWithFileAndLine() {
		assertThatThrownBy(() -> Notebook.parse("n.cypher", """
				RETURN 1 AS one;

				MATCH (n)
				RETURN n
				""")).isInstanceOf(NotebookException.class)
			.hasMessageStartingWith("n.cypher:3: ")
			.hasMessageContaining("does not end with ';'");
	}

	@Test
	void anUnreadableExpectationIsRefusedWithFileAndLine() {
		assertThatThrownBy(() -> Notebook.parse("n.cypher", """
				// expect: lots of rows
				RETURN 1 AS one;
				""")).isInstanceOf(NotebookException.class)
			.hasMessageStartingWith("n.cypher:1: ")
			.hasMessageContaining("rows >= N");
	}

	@Test
	void clientCommandsOtherThanParamAreRefused() {
		assertThatThrownBy(() -> Notebook.parse("n.cypher", """
				:use system
				RETURN 1 AS one;
				""")).isInstanceOf(NotebookException.class).hasMessageStartingWith("n.cypher:1: ");
	}

}
