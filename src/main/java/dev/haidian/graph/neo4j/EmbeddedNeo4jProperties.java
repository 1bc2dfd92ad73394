package dev.haidian.graph.neo4j;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the in-process Neo4j server, used only when no external Neo4j URI is configured.
 *
 * @param dataDirectory where the store and transaction logs live; survives restarts
 * @param ephemeral use a temporary directory and random free ports, deleted on shutdown (tests, benchmarks)
 * @param listenAddress address Bolt and HTTP listen on; anything but loopback requires {@code authEnabled}
 * @param boltPort Bolt port (0 = any free port)
 * @param httpPort HTTP port serving Neo4j Browser at {@code /browser/} (0 = any free port)
 * @param authEnabled whether Neo4j requires a login
 * @param username user the service connects as when auth is enabled (Neo4j's built-in {@code neo4j})
 * @param password password of that user when auth is enabled (at least 8 characters)
 * @param pageCache page cache size, e.g. {@code 256m}
 * @param shutdownTimeout how long shutdown waits for running transactions before terminating them
 * @param browserPostConnectCommand Neo4j Browser commands (without the leading colon, separated by {@code ;}) run
 * after every connect, e.g. loading our style and guide; empty for none
 */
@ConfigurationProperties("app.neo4j.embedded")
public record EmbeddedNeo4jProperties(@DefaultValue("./data/neo4j") Path dataDirectory,
		@DefaultValue("false") boolean ephemeral, @DefaultValue("127.0.0.1") String listenAddress,
		@DefaultValue("7687") int boltPort, @DefaultValue("7474") int httpPort,
		@DefaultValue("false") boolean authEnabled, @DefaultValue("neo4j") String username, String password,
		@DefaultValue("256m") String pageCache, @DefaultValue("10s") Duration shutdownTimeout,
		@DefaultValue("") String browserPostConnectCommand) {
}
