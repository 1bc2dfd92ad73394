package dev.haidian.graph.neo4j;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.harness.Neo4jBuilders;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

import dev.haidian.graph.HaidianGraphApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starts and stops whole applications: what survives a restart, what the service refuses, and which Neo4j it
 * uses when one is configured elsewhere.
 */
class EmbeddedNeo4jLifecycleTests {

	/** Starts the application as its command line would, each property a {@code --name=value} argument. */
	private static ConfigurableApplicationContext start(String... properties) {
		Stream<String> defaults = Stream.of("server.port=0", "app.neo4j.embedded.bolt-port=0",
				"app.neo4j.embedded.http-port=0", "app.neo4j.embedded.page-cache=16m", "app.warmup.mode=off");
		return new SpringApplicationBuilder(HaidianGraphApplication.class)
			.run(Stream.concat(defaults, Stream.of(properties)).map(p -> "--" + p).toArray(String[]::new));
	}

	@Test
	void aFactWrittenBeforeARestartIsThereAfterIt(@TempDir Path data) {
		String dir = "app.neo4j.embedded.data-directory=" + data;
		try (var app = start(dir)) {
			// The server started beside Spring (EarlyEmbeddedNeo4j) is the one the application uses.
			assertThat(app.getBean(EarlyEmbeddedNeo4j.Start.class).claimed()).isSameAs(app.getBean(EmbeddedNeo4j.class));
			app.getBean(Driver.class)
				.executableQuery("CREATE (:Probe {id: 'written-before-restart'})")
				.execute();
		}
		try (var app = start(dir)) {
			var records = app.getBean(Driver.class)
				.executableQuery("MATCH (p:Probe {id: 'written-before-restart'}) RETURN count(p) AS n")
				.execute()
				.records();
			assertThat(records.getFirst().get("n").asLong()).isEqualTo(1);
			assertThat(app.getBean(EmbeddedNeo4j.class).dataDirectory()).isEqualTo(data.toAbsolutePath());
		}
	}

	@Test
	void refusesToListenBeyondLoopbackWithoutAuthentication() {
		assertThatThrownBy(() -> start("app.neo4j.embedded.ephemeral=true",
				"app.neo4j.embedded.listen-address=0.0.0.0"))
			.rootCause()
			.hasMessageContaining("Refusing to start the embedded Neo4j")
			.hasMessageContaining("app.neo4j.embedded.auth-enabled=true");
	}

	@Test
	void withAuthenticationOnlyTheConfiguredPasswordGetsIn() {
		try (var app = start("app.neo4j.embedded.ephemeral=true", "app.neo4j.embedded.listen-address=0.0.0.0",
				"app.neo4j.embedded.auth-enabled=true", "app.neo4j.embedded.password=s3cret-pass")) {
			var server = app.getBean(EmbeddedNeo4j.class);
			assertThat(app.getBean(Driver.class).executableQuery("RETURN 1").execute().records()).hasSize(1);
			try (var intruder = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", "neo4j"))) {
				assertThatThrownBy(intruder::verifyConnectivity).isInstanceOf(AuthenticationException.class);
			}
		}
	}

	@Test
	void withAnExternalUriNoEmbeddedServerStarts() {
		try (var external = Neo4jBuilders.newInProcessBuilder()
			.withFixture("CREATE (:Probe {id: 'lives-on-the-external-server'})")
			.build()) {
			try (var app = start("spring.neo4j.uri=" + external.boltURI())) {
				assertThat(app.getBeansOfType(EmbeddedNeo4j.class)).isEmpty();
				var records = app.getBean(Driver.class)
					.executableQuery("MATCH (p:Probe) RETURN p.id AS id")
					.execute()
					.records();
				assertThat(records).extracting(r -> r.get("id").asString())
					.containsExactly("lives-on-the-external-server");
			}
		}
	}

	@Test
	void anEarlyServerTheApplicationDoesNotUseIsClosed(@TempDir Path data) {
		int bolt = freePort();
		try (var external = Neo4jBuilders.newInProcessBuilder().build()) {
			Neo4jConnectionDetails elsewhere = new Neo4jConnectionDetails() {
				@Override
				public java.net.URI getUri() {
					return external.boltURI();
				}
			};
			var app = new SpringApplicationBuilder(HaidianGraphApplication.class)
				.initializers(context -> context.getBeanFactory().registerSingleton("elsewhere", elsewhere))
				.run("--server.port=0", "--app.neo4j.embedded.data-directory=" + data,
						"--app.neo4j.embedded.bolt-port=" + bolt, "--app.neo4j.embedded.http-port=0",
						"--app.neo4j.embedded.page-cache=16m", "--app.warmup.mode=off", "--app.seed.load=never");
			try (app) {
				assertThat(app.getBeansOfType(EmbeddedNeo4j.class)).isEmpty();
				assertThat(listening(bolt)).as("the early server's Bolt port").isFalse();
			}
		}
	}

	@Test
	void whenStartUpFailsTheEarlyServerIsClosedAndItsStoreReleased(@TempDir Path data) {
		int bolt = freePort();
		Stream<String> settings = Stream.of("server.port=0", "app.neo4j.embedded.data-directory=" + data,
				"app.neo4j.embedded.bolt-port=" + bolt, "app.neo4j.embedded.http-port=0",
				"app.neo4j.embedded.page-cache=16m", "app.warmup.mode=off");
		String[] args = settings.map(p -> "--" + p).toArray(String[]::new);
		String[] failing = Stream.concat(Stream.of(args), Stream.of("--app.seed.load=sometimes")).toArray(String[]::new);
		assertThatThrownBy(() -> new SpringApplicationBuilder(HaidianGraphApplication.class).run(failing))
			.hasStackTraceContaining("sometimes");
		assertThat(listening(bolt)).as("the early server's Bolt port").isFalse();
		try (var app = new SpringApplicationBuilder(HaidianGraphApplication.class).run(args)) {
			assertThat(app.getBean(Driver.class).executableQuery("RETURN 1").execute().records()).hasSize(1);
		}
	}

	private static int freePort() {
		try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static boolean listening(int port) {
		try (var socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
			return true;
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

	@Test
	void wildcardListenersAreReachedThroughLoopback() {
		assertThat(EmbeddedNeo4j.reachable(java.net.URI.create("bolt://0:0:0:0:0:0:0:0:34003/")))
			.hasToString("bolt://127.0.0.1:34003/");
		assertThat(EmbeddedNeo4j.reachable(java.net.URI.create("http://0.0.0.0:7474/")))
			.hasToString("http://127.0.0.1:7474/");
		assertThat(EmbeddedNeo4j.reachable(java.net.URI.create("bolt://127.0.0.1:7687/")))
			.hasToString("bolt://127.0.0.1:7687/");
	}

	@Test
	void isLoopbackKnowsLoopbackFromTheRest() {
		assertThat(Map.of("127.0.0.1", true, "localhost", true, "::1", true, "0.0.0.0", false))
			.allSatisfy((host, loopback) -> assertThat(EmbeddedNeo4j.isLoopback(host)).as(host).isEqualTo(loopback));
	}

}
