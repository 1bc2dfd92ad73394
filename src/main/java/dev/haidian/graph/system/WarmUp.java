package dev.haidian.graph.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.stereotype.Component;

import dev.haidian.graph.query.GraphReader;

/**
 * Runs every operation of {@code app.warmup.document} once after the schema, seed and imports. The first request
 * of a shape otherwise pays for planning its Cypher (and, on a large store, paging in its index pages): on a
 * million-firm store 2.4 s for firmsNear and 2.0 s for cityLinks after a restart, enough to run into the statement
 * timeout under load. On such a store the warm-up runs before the service reports ready
 * ({@link dev.haidian.graph.security.ReadinessGate} answers 503 until then); on a small one, where a cold first
 * request takes a second or two, not at all: run in the background it delayed a newcomer's first answer by 5 s
 * on two cores (see {@link Mode}). An operation that fails is reported in the log line and does not stop the
 * start.
 */
@Component
@Order(30)
@EnableConfigurationProperties(WarmUp.Properties.class)
public class WarmUp implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

	/**
	 * @param mode when to warm up
	 * @param document GraphQL document whose named query operations are run
	 * @param readyAfterFrom in {@code auto} mode, the number of nodes from which the service waits for the warm-up
	 * before it reports ready
	 */
	@ConfigurationProperties("app.warmup")
	public record Properties(@DefaultValue("auto") Mode mode,
			@DefaultValue("classpath:warmup/examples.graphql") Resource document,
			@DefaultValue("100000") long readyAfterFrom) {
	}

	/** When the warm-up runs. */
	public enum Mode {

		/** Before ready when the graph has at least {@code ready-after-from} nodes, else not at all. */
		AUTO,
		/** Always before the service reports ready. */
		BEFORE_READY,
		/** Not at all. */
		OFF

	}

	/** One operation's outcome: how long it took and the first error, null when it answered. */
	public record Outcome(String operation, long millis, String error) {
	}

	private final ExecutionGraphQlService graphQl;

	private final Properties properties;

	private final Driver driver;

	private volatile List<Outcome> outcomes = List.of();

	WarmUp(ExecutionGraphQlService graphQl, Properties properties, Driver driver) {
		this.graphQl = graphQl;
		this.properties = properties;
		this.driver = driver;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (this.properties.mode() == Mode.OFF) {
			log.info("No warm-up (app.warmup.mode=off)");
			return;
		}
		if (this.properties.mode() == Mode.AUTO) {
			long nodes = this.driver.executableQuery("MATCH (n) RETURN count(n) AS nodes")
				.execute()
				.records()
				.getFirst()
				.get("nodes")
				.asLong();
			if (nodes < this.properties.readyAfterFrom()) {
				log.info("No warm-up: {} nodes, fewer than app.warmup.ready-after-from ({})", nodes,
						this.properties.readyAfterFrom());
				return;
			}
		}
		long started = System.nanoTime();
		String document = this.properties.document().getContentAsString(StandardCharsets.UTF_8);
		List<Outcome> done = queries(document).stream().map(operation -> run(document, operation)).toList();
		this.outcomes = done;
		long failed = done.stream().filter(o -> o.error() != null).count();
		// Not an error when they fail: a registry without the examples' places (清华大学 …) cannot answer them.
		log.info("Warmed up {} example queries in {} ms ({} not answered): {}", done.size(),
				(System.nanoTime() - started) / 1_000_000, failed, done.stream()
					.map(o -> o.operation() + " " + o.millis() + " ms" + ((o.error() != null)
							? " (" + o.error().substring(0, Math.min(120, o.error().length())) + ")" : ""))
					.toList());
	}

	/**
	 * Runs one operation; a second time when the first ran past the statement timeout (its plan is cached by
	 * then, so the second attempt is what a user would see).
	 */
	private Outcome run(String document, String operation) {
		Outcome outcome = null;
		boolean timedOut = true;
		for (int attempt = 0; attempt < 2 && timedOut; attempt++) {
			long started = System.nanoTime();
			String error;
			timedOut = false;
			try {
				ExecutionGraphQlResponse response = this.graphQl
					.execute(new DefaultExecutionGraphQlRequest(document, operation, null, null, "warm-up-" + operation,
							Locale.ROOT))
					.block(Duration.ofMinutes(1));
				ResponseError first = (response == null || response.getErrors().isEmpty()) ? null
						: response.getErrors().getFirst();
				error = (response == null) ? "no response" : (first != null) ? first.getMessage() : null;
				timedOut = (first != null) && GraphReader.QueryTimeoutException.ERROR_TYPE.equals(first.getErrorType());
			}
			catch (RuntimeException ex) {
				error = ex.getMessage();
			}
			outcome = new Outcome(operation, (System.nanoTime() - started) / 1_000_000, error);
		}
		return outcome;
	}

	/**
	 * The named query operations of {@code document}, in order. Mutations are left out: a warm-up must not write,
	 * whatever document {@code app.warmup.document} names.
	 */
	public static List<String> queries(String document) {
		return Parser.parse(document)
			.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.filter(operation -> operation.getOperation() == OperationDefinition.Operation.QUERY
					&& operation.getName() != null)
			.map(OperationDefinition::getName)
			.toList();
	}

	/** What the last warm-up did, in document order (empty before it ran or when it did not run). */
	public List<Outcome> outcomes() {
		return this.outcomes;
	}

}
