package dev.haidian.graph.neo4j;

import java.lang.reflect.Array;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.neo4j.driver.Values;
import org.neo4j.graphdb.DatabaseShutdownException;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.spatial.Point;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.values.storable.DurationValue;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

import dev.haidian.graph.query.CypherRunner;
import dev.haidian.graph.query.GraphReader;
import dev.haidian.graph.query.GraphUnavailableException;

/**
 * Runs the statements of GraphQL answers inside the embedded Neo4j, in this JVM: no Bolt messages, no driver
 * event loop, no Bolt worker thread between the service and the database. The statements, their transactions
 * and their timeouts are the same as over Bolt, and so are the rows: values are converted to what the driver's
 * {@code Record.asMap()} gives, so a caller cannot tell which way a statement ran.
 *
 * <p>
 * A read runs in a transaction that is rolled back, never committed; a read statement that changed the graph
 * fails instead of returning, so nothing it did remains. Like the driver's managed transactions, a transaction
 * that fails with a transient error (a deadlock between two writes, say) is run again, a few times (Spring's
 * {@link RetryTemplate}). Neo4j Browser, notebooks and every other client still
 * use Bolt; this path is only for the service's own statements, and only when the embedded server runs
 * ({@code app.neo4j.embedded.in-process-queries}, on by default).
 */
public final class InProcessCypher implements CypherRunner {

	/** Attempts of a statement that keeps failing with transient errors, the first included. */
	static final int ATTEMPTS = 6;

	/** Waits 5, 10, 20 … ms (with jitter) between attempts, as long as the failure is transient. */
	private static final RetryTemplate RETRIES = new RetryTemplate(RetryPolicy.builder()
		.maxRetries(ATTEMPTS - 1)
		.delay(Duration.ofMillis(5))
		.multiplier(2)
		.jitter(Duration.ofMillis(2))
		.predicate(InProcessCypher::isTransient)
		.build());

	private final GraphDatabaseService database;

	public InProcessCypher(GraphDatabaseService database) {
		this.database = database;
	}

	@Override
	public List<Map<String, Object>> run(String cypher, Map<String, Object> parameters, boolean write,
			Duration timeout) {
		return retrying(() -> once(cypher, parameters, write, timeout), timeout);
	}

	/** Runs {@code attempt} again while it fails with a transient error, at most {@link #ATTEMPTS} times. */
	static <T> T retrying(Supplier<T> attempt, Duration timeout) {
		try {
			return RETRIES.invoke(attempt);
		}
		catch (RuntimeException ex) {
			throw translate(ex, timeout);
		}
	}

	private List<Map<String, Object>> once(String cypher, Map<String, Object> parameters, boolean write,
			Duration timeout) {
		try (Transaction tx = this.database.beginTx(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			List<Map<String, Object>> rows = new ArrayList<>();
			try (Result result = tx.execute(cypher, parameters)) {
				List<String> columns = result.columns();
				result.accept(row -> {
					Map<String, Object> values = LinkedHashMap.newLinkedHashMap(columns.size());
					for (String column : columns) {
						values.put(column, plain(row.get(column)));
					}
					rows.add(Collections.unmodifiableMap(values));
					return true;
				});
				if (!write && result.getQueryStatistics().containsUpdates()) {
					throw new IllegalStateException("A read statement changed the graph; it was rolled back");
				}
			}
			if (write) {
				tx.commit();
			}
			return rows;
		}
	}

	/** A value of an embedded result as the driver gives it. */
	static Object plain(Object value) {
		return switch (value) {
			case null -> null;
			case String text -> text;
			case Long number -> number;
			case Double number -> number;
			case Boolean bool -> bool;
			case Integer number -> number.longValue();
			case Short number -> number.longValue();
			case Byte number -> number.longValue();
			case Float number -> number.doubleValue();
			case Character character -> character.toString();
			case byte[] bytes -> bytes;
			case List<?> list -> {
				List<Object> copy = new ArrayList<>(list.size());
				for (Object element : list) {
					copy.add(plain(element));
				}
				yield Collections.unmodifiableList(copy);
			}
			case Map<?, ?> map -> {
				Map<String, Object> copy = LinkedHashMap.newLinkedHashMap(map.size());
				map.forEach((key, element) -> copy.put((String) key, plain(element)));
				yield Collections.unmodifiableMap(copy);
			}
			case Point point -> {
				double[] xyz = point.getCoordinate().getCoordinate();
				int srid = point.getCRS().getCode();
				yield (xyz.length == 2) ? Values.point(srid, xyz[0], xyz[1]).asPoint()
						: Values.point(srid, xyz[0], xyz[1], xyz[2]).asPoint();
			}
			case DurationValue duration -> Values
				.isoDuration(duration.get(ChronoUnit.MONTHS), duration.get(ChronoUnit.DAYS),
						duration.get(ChronoUnit.SECONDS), (int) duration.get(ChronoUnit.NANOS))
				.asIsoDuration();
			case Entity entity -> throw new IllegalArgumentException(
					"Statements of GraphQL answers return values, not nodes or relationships: " + entity);
			case Path path -> throw new IllegalArgumentException(
					"Statements of GraphQL answers return values, not paths: " + path);
			default -> value.getClass().isArray() ? plainArray(value) : value; // java.time values: the same types
		};
	}

	private static List<Object> plainArray(Object array) {
		int length = Array.getLength(array);
		List<Object> list = new ArrayList<>(length);
		for (int i = 0; i < length; i++) {
			list.add(plain(Array.get(array, i)));
		}
		return Collections.unmodifiableList(list);
	}

	/** The Neo4j status code of a failure or of one of its causes, e.g. {@code Neo.TransientError.…}, or "". */
	private static String code(Throwable cause) {
		return (cause instanceof QueryExecutionException query) ? query.getStatusCode()
				: (cause instanceof Status.HasStatus status) ? status.status().code().serialize() : "";
	}

	/** A transient failure (a deadlock, say) that the same transaction may not meet again; not a shut-down. */
	private static boolean isTransient(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (unavailable(cause)) {
				return false;
			}
			if (code(cause).startsWith("Neo.TransientError.")) {
				return true;
			}
		}
		return false;
	}

	private static boolean unavailable(Throwable cause) {
		String code = code(cause);
		return cause instanceof DatabaseShutdownException || code.contains("DatabaseUnavailable")
				|| code.contains("DatabaseNotFound");
	}

	/** A timeout or an unavailable database as the errors the GraphQL layer knows; anything else as it is. */
	private static RuntimeException translate(RuntimeException ex, Duration timeout) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (GraphReader.isTimeout(code(cause))) {
				return new GraphReader.QueryTimeoutException(timeout);
			}
			if (unavailable(cause)) {
				return new GraphUnavailableException("The embedded Neo4j is not available: " + cause.getMessage(),
						ex);
			}
		}
		return ex;
	}

}
