package dev.haidian.graph.neo4j;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import dev.haidian.graph.HaidianGraphApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neo4j going away and coming back while the service runs: health turns DOWN, requests fail fast with a clear
 * error, and the service answers again once Neo4j is back, without a restart.
 */
class Neo4jOutageTests {

	static Neo4j neo4jOn(int port) {
		return Neo4jBuilders.newInProcessBuilder()
			.withDisabledServer()
			.withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
			.build();
	}

	@Test
	void healthGoesDownRequestsFailFastAndTheServiceRecovers() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Neo4j neo4j = neo4jOn(port);
		String[] args = Stream.of("server.port=0", "spring.neo4j.uri=bolt://127.0.0.1:" + port, "app.seed.load=never",
				"app.warmup.mode=off")
			.map(p -> "--" + p)
			.toArray(String[]::new);
		HttpClient http = HttpClient.newHttpClient();
		try (var app = new SpringApplicationBuilder(HaidianGraphApplication.class).run(args)) {
			int web = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpRequest version = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web + "/graphql"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ neo4jVersion }\"}"))
				.build();
			HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web + "/actuator/health"))
				.build();
			assertThat(http.send(version, HttpResponse.BodyHandlers.ofString()).body()).contains("2026.");

			neo4j.close();
			long started = System.nanoTime();
			String down = http.send(version, HttpResponse.BodyHandlers.ofString()).body();
			long millis = (System.nanoTime() - started) / 1_000_000;
			assertThat(down).contains("The graph database is unavailable right now").doesNotContain("Exception");
			assertThat(millis).as("failing fast, not hanging").isLessThan(15_000);
			var healthDown = http.send(health, HttpResponse.BodyHandlers.ofString());
			assertThat(healthDown.statusCode()).isEqualTo(503);
			assertThat(healthDown.body()).contains("\"status\":\"DOWN\"");

			neo4j = neo4jOn(port);
			assertThat(http.send(version, HttpResponse.BodyHandlers.ofString()).body()).contains("2026.");
			assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		}
		finally {
			neo4j.close();
		}
	}

}
