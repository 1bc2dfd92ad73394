package dev.haidian.graph.neo4j;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The external-server path against the same Neo4j image docker-compose uses. Runs only where Docker exists;
 * elsewhere {@code EmbeddedNeo4jLifecycleTests} covers external mode with a second in-process server.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExternalNeo4jContainerTests {

	@Container
	@ServiceConnection
	static Neo4jContainer neo4j = new Neo4jContainer("neo4j:2026.08.1-community").withoutAuthentication();

	@Autowired
	ApplicationContext context;

	@Autowired
	Driver driver;

	@Test
	void usesTheContainerAndStartsNoEmbeddedServer() {
		assertThat(this.context.getBeansOfType(EmbeddedNeo4j.class)).isEmpty();
		var version = this.driver.executableQuery("CALL dbms.components() YIELD versions RETURN versions[0] AS v")
			.execute()
			.records()
			.getFirst()
			.get("v")
			.asString();
		assertThat(version).startsWith("2026.08");
	}

}
