package dev.haidian.graph.query;

import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;

import org.springframework.stereotype.Component;

/**
 * Runs the one statement of a GraphQL root field: reads in a read transaction (so a cluster routes them to a
 * follower), writes in a write transaction, both with the configured timeout. Every GraphQL answer goes
 * through here, one call per root field.
 */
@Component
public class GraphReader {

	private final Driver driver;

	private final Limits limits;

	GraphReader(Driver driver, Limits limits) {
		this.driver = driver;
		this.limits = limits;
	}

	/** Runs the statement and returns its rows as plain Java maps and lists. */
	public List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
		return run(cypher, parameters, false);
	}

	/** Runs a write statement that returns exactly one row, in a write transaction with the same timeout. */
	public Map<String, Object> write(String cypher, Map<String, Object> parameters) {
		return run(cypher, parameters, true).getFirst();
	}

	private List<Map<String, Object>> run(String cypher, Map<String, Object> parameters, boolean write) {
		TransactionConfig config = TransactionConfig.builder().withTimeout(this.limits.timeout()).build();
		try (Session session = this.driver.session()) {
			return write ? session.executeWrite(tx -> tx.run(cypher, parameters).list(Record::asMap), config)
					: session.executeRead(tx -> tx.run(cypher, parameters).list(Record::asMap), config);
		}
		catch (ClientException ex) {
			throw isTimeout(ex) ? new QueryTimeoutException(this.limits.timeout()) : ex;
		}
	}

	/** Whether Neo4j ended the transaction because it ran past its timeout. */
	static boolean isTimeout(ClientException ex) {
		String code = (ex.code() != null) ? ex.code() : "";
		return code.contains("TimedOut") || code.contains("Terminated") || code.contains("LockClientStopped");
	}

	/** Runs a statement that returns exactly one row. */
	public Map<String, Object> one(String cypher, Map<String, Object> parameters) {
		return rows(cypher, parameters).getFirst();
	}

	/** The statement took longer than {@code app.graphql.limits.timeout}. */
	public static class QueryTimeoutException extends RuntimeException {

		/** The classification of the GraphQL error it becomes. */
		public static final ErrorClassification ERROR_TYPE = ErrorClassification.errorClassification("TIMEOUT");

		QueryTimeoutException(java.time.Duration timeout) {
			super("The query took longer than the " + timeout.toMillis()
					+ " ms limit (app.graphql.limits.timeout); ask for less, e.g. a smaller radius, fewer hops or a smaller first");
		}

	}

}
