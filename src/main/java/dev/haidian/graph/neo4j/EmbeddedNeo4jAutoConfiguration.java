package dev.haidian.graph.neo4j;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.config.Setting;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts the in-process Neo4j and points the driver at it, unless a Neo4j is configured elsewhere.
 *
 * <p>
 * An auto-configuration (not a plain {@code @Configuration}) so that it runs after user configuration and
 * Testcontainers' {@code @ServiceConnection}: whoever defines {@link Neo4jConnectionDetails} first wins, and
 * {@code spring.neo4j.uri} (or {@code NEO4J_URI}) switches the embedded server off entirely.
 */
@AutoConfiguration(before = Neo4jAutoConfiguration.class)
@Conditional(EmbeddedNeo4jAutoConfiguration.NoExternalUri.class)
@ConditionalOnMissingBean(Neo4jConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
public class EmbeddedNeo4jAutoConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties properties,
			@Value("${app.seed.directory:./seed}") String importDirectory,
			ObjectProvider<EmbeddedNeo4j.BeforeStart> beforeStart, ObjectProvider<EarlyEmbeddedNeo4j.Start> early) {
		Path imports = Path.of(importDirectory);
		EarlyEmbeddedNeo4j.Start started = early.getIfAvailable();
		if (started != null) {
			if (beforeStart.stream().findAny().isEmpty()) {
				EmbeddedNeo4j server = started.claim(properties, imports);
				if (server != null) {
					return server;
				}
			}
			else {
				// A step must prepare the store before Neo4j opens it, which the early start could not know of.
				started.discardUnclaimed();
			}
		}
		return EmbeddedNeo4j.start(properties, imports, data -> {
			Map<Setting<?>, Object> settings = new LinkedHashMap<>();
			beforeStart.orderedStream().forEach(step -> settings.putAll(step.prepare(data)));
			return settings;
		});
	}

	/**
	 * The service's own statements run in this JVM, unless {@code app.neo4j.embedded.in-process-queries=false}
	 * (then through the driver, as with an external Neo4j; Browser and notebooks use Bolt either way).
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "app.neo4j.embedded.in-process-queries", matchIfMissing = true)
	InProcessCypher inProcessCypher(EmbeddedNeo4j server) {
		return new InProcessCypher(server.database());
	}

	@Bean
	Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j server, EmbeddedNeo4jProperties properties) {
		AuthToken auth = properties.authEnabled() ? AuthTokens.basic(properties.username(), properties.password())
				: AuthTokens.none();
		URI uri = server.boltUri();
		return new Neo4jConnectionDetails() {
			@Override
			public URI getUri() {
				return uri;
			}

			@Override
			public AuthToken getAuthToken() {
				return auth;
			}
		};
	}

	/** Matches when {@code spring.neo4j.uri} is absent or blank ({@code NEO4J_URI} unset). */
	static class NoExternalUri extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String uri = context.getEnvironment().getProperty("spring.neo4j.uri", "");
			return uri.isBlank() ? ConditionOutcome.match("no external Neo4j URI configured")
					: ConditionOutcome.noMatch("spring.neo4j.uri is set to " + uri);
		}

	}

}
