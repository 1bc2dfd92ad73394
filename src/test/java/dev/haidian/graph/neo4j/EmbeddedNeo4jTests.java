package dev.haidian.graph.neo4j;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

import org.springframework.beans.factory.annotation.Autowired;

import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server of the shared test context: Browser over HTTP, Bolt for any driver. */
class EmbeddedNeo4jTests extends ServiceTest {

	@Autowired
	EmbeddedNeo4j server;

	@Test
	void browserIsServed() throws Exception {
		var browser = get(this.server.httpUri().resolve("/browser/").toString());
		assertThat(browser.statusCode()).isEqualTo(200);
		assertThat(browser.body()).containsIgnoringCase("neo4j browser");
	}

	@Test
	void aBoltClientConnects() {
		try (var driver = GraphDatabase.driver(this.server.boltUri(), AuthTokens.none())) {
			driver.verifyConnectivity();
			assertThat(driver.executableQuery("RETURN 1 AS one").execute().records().getFirst().get("one").asInt())
				.isEqualTo(1);
		}
	}

	@Test
	void listensOnLoopbackOnly() {
		assertThat(this.server.boltUri().getHost()).isEqualTo("127.0.0.1");
		assertThat(this.server.httpUri().getHost()).isEqualTo("127.0.0.1");
	}

}
