package dev.haidian.graph.query;

import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the one statement of a GraphQL root field: reads in a read transaction (so a cluster routes them to a
 * follower), writes in a write transaction, both with the configured timeout. Every GraphQL answer goes
 * through here, one call per root field.
 *
 * <p>
 * The statements go through the Neo4j driver, except when the application defines a {@link CypherRunner}: with
 * the embedded Neo4j they run in this JVM, without Bolt in between (see {@code InProcessCypher}).
 */
@Component
public class GraphReader {

	private final CypherRunner runner;

	private final Limits limits;

	GraphReader(Driver driver, ObjectProvider<CypherRunner> runner, Limits limits) {
		this.runner = runner.getIfAvailable(() -> overBolt(driver));
		this.limits = limits;
	}

	/** Runs the statement and returns its rows as plain Java maps and lists. */
	public List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
		return this.runner.run(cypher, parameters, false, this.limits.timeout());
	}

	/** Runs a write statement that returns exactly one row, in a write transaction with the same timeout. */
	public Map<String, Object> write(String cypher, Map<String, Object> parameters) {
		return this.runner.run(cypher, parameters, true, this.limits.timeout()).getFirst();
	}

	/** Statements through the driver: one session and one managed transaction each. */
	public static CypherRunner overBolt(Driver driver) {
		return (cypher, parameters, write, timeout) -> {
			TransactionConfig config = TransactionConfig.builder().withTimeout(timeout).build();
			try (Session session = driver.session()) {
				return write ? session.executeWrite(tx -> tx.run(cypher, parameters).list(Record::asMap), config)
						: session.executeRead(tx -> tx.run(cypher, parameters).list(Record::asMap), config);
			}
			catch (ClientException ex) {
				throw isTimeout(ex.code()) ? new QueryTimeoutException(timeout) : ex;
			}
		};
	}

	/**
	 * Whether a Neo4j status code (e.g. {@code Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration})
	 * says that the transaction ended because it ran past its timeout.
	 */
	public static boolean isTimeout(String code) {
		return code != null
				&& (code.contains("TimedOut") || code.contains("Terminated") || code.contains("LockClientStopped"));
	}

	/** Runs a statement that returns exactly one row. */
	public Map<String, Object> one(String cypher, Map<String, Object> parameters) {
		return rows(cypher, parameters).getFirst();
	}

	/** The statement took longer than {@code app.graphql.limits.timeout}. */
	public static class QueryTimeoutException extends RuntimeException {

		/** The classification of the GraphQL error it becomes. */
		public static final ErrorClassification ERROR_TYPE = ErrorClassification.errorClassification("TIMEOUT");

		public QueryTimeoutException(java.time.Duration timeout) {
			super("The query took longer than the " + timeout.toMillis()
					+ " ms limit (app.graphql.limits.timeout); ask for less, e.g. a smaller radius, fewer hops or a smaller first");
		}

	}

}
