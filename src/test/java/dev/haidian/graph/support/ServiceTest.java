package dev.haidian.graph.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the tests that run against the whole service: one Spring context, one ephemeral embedded Neo4j
 * holding the seed graph, shared by every subclass (same configuration, so Spring's context cache reuses it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "app.neo4j.embedded.ephemeral=true", "app.neo4j.embedded.page-cache=64m",
				// before-ready: the warm-up's statements never interleave with the statements a test counts
				"app.warmup.mode=before-ready",
				"app.security.writers=" + ServiceTest.WRITER, "app.security.readers=" + ServiceTest.READER,
				"app.security.requests-per-minute=1000000" })
@Import(StatementCounter.class)
public abstract class ServiceTest {

	/** The writer credential of the test context, name:secret. */
	public static final String WRITER = "tester:tester-secret-0123456789";

	/** A reader credential, which may not write. */
	public static final String READER = "reader:reader-secret-0123456789";

	@LocalServerPort
	protected int port;

	protected HttpGraphQlTester graphQl;

	protected final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	protected org.neo4j.driver.Driver driver;

	@Autowired
	protected StatementCounter statements;

	@BeforeEach
	void graphQlTester() {
		this.graphQl = HttpGraphQlTester
			.create(WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port + "/graphql").build());
	}

	protected HttpResponse<String> get(String pathOrUrl) throws Exception {
		URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl)
				: URI.create("http://127.0.0.1:" + this.port + pathOrUrl);
		return this.http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
