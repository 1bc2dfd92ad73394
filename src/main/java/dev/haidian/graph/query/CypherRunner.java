package dev.haidian.graph.query;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the statement of a GraphQL root field runs. {@link GraphReader} uses the Neo4j driver (Bolt) unless the
 * application defines a bean of this type; the embedded Neo4j does, running statements in this JVM.
 *
 * <p>
 * Whichever runs them, the rows are the same plain Java values the driver's {@code Record.asMap()} gives: integers
 * as {@code Long}, floats as {@code Double}, lists as {@code List}, maps as {@code Map}.
 */
@FunctionalInterface
public interface CypherRunner {

	/**
	 * Runs one statement in a transaction of its own and returns all its rows.
	 * @param cypher the statement
	 * @param parameters its parameters, plain Java values
	 * @param write whether the statement writes; a read runs in a read transaction and must not change the graph
	 * @param timeout the transaction's timeout
	 * @return the rows, column name to value
	 * @throws GraphReader.QueryTimeoutException when the transaction ran past {@code timeout}
	 */
	List<Map<String, Object>> run(String cypher, Map<String, Object> parameters, boolean write, Duration timeout);

}
