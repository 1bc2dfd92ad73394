package dev.haidian.graph.notebook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;

import org.springframework.stereotype.Service;

/**
 * Runs a {@link Notebook} against the connected Neo4j and checks each step's expected result.
 *
 * <p>
 * Each statement runs in its own read transaction, as a Browser or cypher-shell user would run it, so a notebook
 * can never change the graph (Neo4j refuses writes in a read transaction). Parameter expressions and expected
 * values are evaluated by Neo4j ({@code RETURN <expression>}), exactly as cypher-shell evaluates {@code :param}:
 * they come from the notebook file the user chose to run, never from a request.
 */
@Service
public class NotebookRunner {

	private final Driver driver;

	NotebookRunner(Driver driver) {
		this.driver = driver;
	}

	/**
	 * What one statement returned and how it compares with its expectations.
	 *
	 * @param step the statement
	 * @param params the parameter values it ran with
	 * @param columns its result columns
	 * @param rows its result rows
	 * @param checks one per expectation, in order
	 */
	public record StepResult(Notebook.Step step, Map<String, Object> params, List<String> columns, List<Record> rows,
			List<Check> checks) {

		public boolean passed() {
			return this.checks.stream().allMatch(Check::passed);
		}

	}

	/**
	 * @param expectation what was expected
	 * @param passed whether the result meets it
	 * @param detail for a failed check, what was found instead
	 */
	public record Check(Notebook.Expectation expectation, boolean passed, String detail) {

	}

	/**
	 * Runs every step in order.
	 * @throws NotebookException naming file and line when a statement or parameter fails in Neo4j
	 */
	public List<StepResult> run(Notebook notebook) {
		List<StepResult> results = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		try (Session session = this.driver.session()) {
			for (Notebook.Step step : notebook.steps()) {
				results.add(run(notebook, step, params, session));
			}
		}
		return results;
	}

	/** Runs one step with the parameters set so far (updated by the step's own {@code :param} lines). */
	StepResult run(Notebook notebook, Notebook.Step step, Map<String, Object> params, Session session) {
		step.params().forEach((name, expression) -> params.put(name, evaluate(notebook, step, expression, params,
				session, "the parameter " + name)));
		Map<String, Object> used = Map.copyOf(params);
		record Outcome(List<String> columns, List<Record> rows) {
		}
		Outcome outcome;
		try {
			outcome = session.executeRead(tx -> {
				var result = tx.run(step.cypher(), used);
				List<Record> rows = result.list();
				return new Outcome(result.keys(), rows);
			});
		}
		catch (Neo4jException ex) {
			throw new NotebookException(notebook.name(), step.line(), "'" + step.title() + "' failed: "
					+ ex.getMessage(), ex);
		}
		List<Check> checks = new ArrayList<>();
		for (Notebook.Expectation expectation : step.expectations()) {
			checks.add(check(notebook, step, expectation, outcome.rows(), used, session));
		}
		return new StepResult(step, used, outcome.columns(), outcome.rows(), List.copyOf(checks));
	}

	private Check check(Notebook notebook, Notebook.Step step, Notebook.Expectation expectation, List<Record> rows,
			Map<String, Object> params, Session session) {
		if (expectation.kind().equals("rows")) {
			long n = rows.size();
			boolean passed = switch (expectation.operator()) {
				case ">=" -> n >= expectation.count();
				case "<=" -> n <= expectation.count();
				case ">" -> n > expectation.count();
				case "<" -> n < expectation.count();
				default -> n == expectation.count();
			};
			return new Check(expectation, passed, passed ? "" : "got " + n + " rows");
		}
		Object evaluated = evaluate(notebook, step, expectation.values(), params, session,
				"the expectation on line " + expectation.line());
		if (!(evaluated instanceof Map<?, ?> expected)) {
			throw new NotebookException(notebook.name(), expectation.line(), "the expected values must be a map");
		}
		for (Object column : expected.keySet()) {
			if (!rows.isEmpty() && !rows.getFirst().containsKey(column.toString())) {
				throw new NotebookException(notebook.name(), expectation.line(),
						"the result has no column '" + column + "' (it has " + rows.getFirst().keys() + ")");
			}
		}
		return switch (expectation.kind()) {
			case "first" -> rows.isEmpty() ? new Check(expectation, false, "got no rows")
					: new Check(expectation, matches(rows.getFirst(), expected), "first row was "
							+ Tables.text(rows.getFirst()));
			case "row" -> {
				boolean found = rows.stream().anyMatch(row -> matches(row, expected));
				yield new Check(expectation, found, found ? "" : "no such row among " + rows.size());
			}
			default -> {
				Record offending = rows.stream().filter(row -> matches(row, expected)).findFirst().orElse(null);
				yield new Check(expectation, offending == null,
						offending == null ? "" : "found " + Tables.text(offending));
			}
		};
	}

	private static boolean matches(Record row, Map<?, ?> expected) {
		return expected.entrySet()
			.stream()
			.allMatch(e -> row.containsKey(e.getKey().toString())
					&& same(row.get(e.getKey().toString()).asObject(), e.getValue()));
	}

	/** Equality as a reader means it: 4 equals 4.0, lists element by element. */
	static boolean same(Object actual, Object expected) {
		if (actual instanceof Number a && expected instanceof Number e) {
			return a.doubleValue() == e.doubleValue();
		}
		if (actual instanceof List<?> a && expected instanceof List<?> e) {
			if (a.size() != e.size()) {
				return false;
			}
			for (int i = 0; i < a.size(); i++) {
				if (!same(a.get(i), e.get(i))) {
					return false;
				}
			}
			return true;
		}
		if (actual instanceof Map<?, ?> a && expected instanceof Map<?, ?> e) {
			return a.size() == e.size() && e.entrySet().stream().allMatch(x -> same(a.get(x.getKey()), x.getValue()));
		}
		return Objects.equals(actual, expected);
	}

	private static Object evaluate(Notebook notebook, Notebook.Step step, String expression, Map<String, Object> params,
			Session session, String what) {
		try {
			Value value = session.executeRead(tx -> tx.run("RETURN " + expression + " AS value", params).single())
				.get("value");
			return value.asObject();
		}
		catch (Neo4jException ex) {
			throw new NotebookException(notebook.name(), step.line(),
					"cannot evaluate " + what + " (" + expression + "): " + ex.getMessage(), ex);
		}
	}

}
