package dev.haidian.graph.neo4j;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded Neo4j on a thread of its own as soon as the application's settings are known, instead of
 * when the first bean needs the driver. Its start (5–6 s: store, Bolt, HTTP and Browser) then overlaps with
 * Spring's own (Tomcat, GraphQL schema, MVC), which needs no database; on two cores that is about two seconds
 * less to the first answer. {@link EmbeddedNeo4jAutoConfiguration} takes the started server over
 * ({@link #claim}).
 *
 * <p>
 * Started early only when the outcome is certain to be the same as a start at bean-creation time: no external
 * Neo4j ({@code spring.neo4j.uri}) and no bulk import ({@code app.import.directory}, whose offline step must
 * write the store before Neo4j opens it). If the auto-configuration backs off anyway (another
 * {@code Neo4jConnectionDetails}) or binds other settings, the early server is closed and nothing of it remains;
 * so it is when start-up fails. A failed early start surfaces when the server is claimed, as the same exception a
 * start at bean-creation time throws.
 */
class EarlyEmbeddedNeo4j implements SmartApplicationListener {

	private static final Logger log = LoggerFactory.getLogger(EarlyEmbeddedNeo4j.class);

	static final String BEAN_NAME = "earlyEmbeddedNeo4j";

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ApplicationPreparedEvent.class.isAssignableFrom(eventType)
				|| ApplicationReadyEvent.class.isAssignableFrom(eventType)
				|| ApplicationFailedEvent.class.isAssignableFrom(eventType)
				|| ContextClosedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		switch (event) {
			case ApplicationPreparedEvent prepared -> start(prepared.getApplicationContext());
			case ApplicationReadyEvent ready -> discardUnclaimed(ready.getApplicationContext());
			case ApplicationFailedEvent failed -> discardUnclaimed(failed.getApplicationContext());
			case ContextClosedEvent closed -> {
				if (closed.getApplicationContext() instanceof ConfigurableApplicationContext context) {
					discardUnclaimed(context);
				}
			}
			default -> {
			}
		}
	}

	private static void start(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.getProperty("spring.neo4j.uri", "").isBlank()
				|| !environment.getProperty("app.import.directory", "").isBlank()
				|| context.getBeanFactory().containsSingleton(BEAN_NAME)) {
			return;
		}
		Binder binder = Binder.get(environment);
		EmbeddedNeo4jProperties properties = binder.bindOrCreate("app.neo4j.embedded", EmbeddedNeo4jProperties.class);
		Path importDirectory = Path.of(environment.getProperty("app.seed.directory", "./seed"));
		context.getBeanFactory().registerSingleton(BEAN_NAME, new Start(properties, importDirectory));
	}

	private static void discardUnclaimed(ConfigurableApplicationContext context) {
		if (context != null && context.getBeanFactory().containsSingleton(BEAN_NAME)
				&& context.getBeanFactory().getSingleton(BEAN_NAME) instanceof Start start) {
			start.discardUnclaimed();
		}
	}

	/** A start under way: the settings it used and the server it gives. */
	static final class Start {

		private final EmbeddedNeo4jProperties properties;

		private final Path importDirectory;

		private final CompletableFuture<EmbeddedNeo4j> server = new CompletableFuture<>();

		private boolean claimed;

		private boolean discarded;

		Start(EmbeddedNeo4jProperties properties, Path importDirectory) {
			this.properties = properties;
			this.importDirectory = importDirectory;
			Thread thread = new Thread(() -> {
				try {
					EmbeddedNeo4j server = EmbeddedNeo4j.start(properties, importDirectory);
					this.server.complete(server);
					warmUp(server, properties);
				}
				catch (Throwable ex) {
					if (!this.server.completeExceptionally(ex)) {
						log.debug("Warm-up failed (harmless)", ex);
					}
				}
			}, "embedded-neo4j-start");
			thread.setDaemon(true);
			thread.start();
		}

		/**
		 * The first statement a cold JVM sends costs about two seconds: the driver's and Bolt's connection code and
		 * Cypher's parser, planner and runtime are loaded and run for the first time. Sending one here, while
		 * Spring still starts on the other core, takes that off the path to the first answer.
		 */
		private static void warmUp(EmbeddedNeo4j server, EmbeddedNeo4jProperties properties) {
			long started = System.nanoTime();
			AuthToken auth = properties.authEnabled() ? AuthTokens.basic(properties.username(), properties.password())
					: AuthTokens.none();
			try (Driver driver = GraphDatabase.driver(server.boltUri(), auth)) {
				driver.executableQuery("RETURN NOT EXISTS { MATCH (n) WHERE NOT n:SeedLoad } AS empty").execute();
			}
			catch (RuntimeException ex) {
				log.debug("Warm-up statement failed (harmless)", ex);
			}
			log.debug("Warm-up statement took {} ms", (System.nanoTime() - started) / 1_000_000);
		}

		/**
		 * The early server if it was started with exactly these settings (waiting for its start to finish), else
		 * {@code null} after closing it.
		 * @throws RuntimeException what the start threw
		 */
		synchronized EmbeddedNeo4j claim(EmbeddedNeo4jProperties properties, Path importDirectory) {
			if (this.claimed || this.discarded) {
				return null;
			}
			if (!this.properties.equals(properties) || !this.importDirectory.equals(importDirectory)) {
				log.info("The embedded Neo4j started early with other settings than the application's: restarting it");
				discardUnclaimed();
				return null;
			}
			this.claimed = true;
			try {
				return this.server.join();
			}
			catch (CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
			}
		}

		/** The server the application took over, or {@code null}. */
		synchronized EmbeddedNeo4j claimed() {
			return this.claimed ? this.server.join() : null;
		}

		/** Closes the server unless the application took it over; waits for its start to finish first. */
		synchronized void discardUnclaimed() {
			if (this.claimed || this.discarded) {
				return;
			}
			this.discarded = true;
			try {
				this.server.join().close();
			}
			catch (CompletionException ex) {
				// It never ran: nothing to close.
			}
		}

	}

}
