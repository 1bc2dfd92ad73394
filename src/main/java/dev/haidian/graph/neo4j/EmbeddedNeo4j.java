package dev.haidian.graph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;
import org.neo4j.server.configuration.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * A real Neo4j server (Bolt, HTTP and Neo4j Browser) running inside this JVM.
 *
 * <p>
 * Built on Neo4j's test harness because that is the supported way to get the full server, connectors included,
 * from Maven Central. The harness puts its logs in a throw-away folder; the store itself goes to
 * {@code dataDirectory}, so it survives restarts. {@link #close()} shuts the DBMS down cleanly (checkpoint, no
 * recovery needed on the next start), waiting at most {@code shutdownTimeout} for running transactions.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	private final Neo4j neo4j;

	private final Path dataDirectory;

	private final Path workDirectory;

	private EmbeddedNeo4j(Neo4j neo4j, Path dataDirectory, Path workDirectory) {
		this.neo4j = neo4j;
		this.dataDirectory = dataDirectory;
		this.workDirectory = workDirectory;
	}

	/**
	 * Starts a server with the given settings.
	 * @param properties server settings
	 * @param importDirectory directory that {@code LOAD CSV FROM 'file:///…'} reads from, or {@code null}
	 * @return the running server
	 * @throws IllegalStateException when the settings are unsafe (non-loopback without authentication)
	 */
	public static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties, Path importDirectory) {
		return start(properties, importDirectory, data -> Map.of());
	}

	/**
	 * Prepares the store directory before the DBMS opens it; e.g. the bulk import's offline path writes a whole
	 * database there, which it can only do while no Neo4j runs on it.
	 */
	@FunctionalInterface
	public interface BeforeStart {

		/**
		 * @param dataDirectory the data directory Neo4j is about to open (it exists)
		 * @return settings for the Neo4j about to start, on top of the application's (empty: none)
		 */
		Map<Setting<?>, Object> prepare(Path dataDirectory);

	}

	/**
	 * Starts a server with the given settings, running {@code beforeStart} on its data directory first.
	 * @see #start(EmbeddedNeo4jProperties, Path)
	 */
	public static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties, Path importDirectory,
			BeforeStart beforeStart) {
		checkSafe(properties);
		try {
			// Logs, certificates and (when ephemeral) the store go to a temporary directory removed on close.
			Path work = Files.createTempDirectory("haidian-neo4j-");
			Path data = properties.ephemeral() ? work.resolve("data")
					: properties.dataDirectory().toAbsolutePath().normalize();
			Files.createDirectories(data);
			Map<Setting<?>, Object> prepared = beforeStart.prepare(data);
			warnIfStoreOutgrowsPageCache(data, ByteUnit.parse(properties.pageCache()));
			String host = properties.listenAddress();
			int bolt = properties.ephemeral() ? 0 : properties.boltPort();
			int http = properties.ephemeral() ? 0 : properties.httpPort();
			Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(work)
				.withConfig(GraphDatabaseSettings.data_directory, data)
				.withConfig(GraphDatabaseSettings.auth_enabled, properties.authEnabled())
				.withConfig(GraphDatabaseSettings.pagecache_memory,
						ByteUnit.parse(properties.pageCache()))
				.withConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, properties.shutdownTimeout())
				// Bolt's event loops otherwise idle 5 s ("quiet period") before stopping: no use to a service
				// whose own clients are already closed when Neo4j stops.
				.withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ofMillis(100))
				.withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, properties.shutdownTimeout())
				.withConfig(BoltConnector.enabled, true)
				.withConfig(BoltConnector.listen_address, new SocketAddress(host, bolt))
				.withConfig(BoltConnector.advertised_address, new SocketAddress(advertised(host), bolt))
				.withConfig(HttpConnector.enabled, true)
				.withConfig(HttpConnector.listen_address, new SocketAddress(host, http))
				.withConfig(HttpConnector.advertised_address, new SocketAddress(advertised(host), http))
				// Browser runs this after every connect: our GraSS style and guide (served by the app itself, so
				// nothing comes from the internet). Remote content only from this machine; Browser asks no
				// online service (telemetry) either.
				.withConfig(ServerSettings.browser_post_connect_cmd, properties.browserPostConnectCommand())
				.withConfig(ServerSettings.browser_remote_content_hostname_whitelist, "localhost,127.0.0.1")
				.withConfig(ServerSettings.allow_telemetry, false);
			if (importDirectory != null) {
				builder = builder.withConfig(GraphDatabaseSettings.load_csv_file_url_root,
						importDirectory.toAbsolutePath().normalize());
			}
			for (Map.Entry<Setting<?>, Object> setting : prepared.entrySet()) {
				builder = withConfig(builder, setting.getKey(), setting.getValue());
			}
			long started = System.nanoTime();
			Neo4j neo4j = builder.build();
			EmbeddedNeo4j server = new EmbeddedNeo4j(neo4j, data, work);
			if (properties.authEnabled()) {
				server.setPassword(properties.username(), properties.password());
			}
			log.info("Embedded Neo4j started in {} ms: bolt {} , browser {}browser/ , data {}",
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), server.boltUri(), server.httpUri(),
					data);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare the embedded Neo4j directories", ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> Neo4jBuilder withConfig(Neo4jBuilder builder, Setting<T> setting, Object value) {
		return builder.withConfig(setting, (T) value);
	}

	/**
	 * A store larger than the page cache is read from disk again and again: by every index population after a
	 * bulk import (1M firms, 3.3 GB: 70 s with a 2 GB page cache, 38 s with 4 GB) and by queries that touch much
	 * of the graph. Neo4j says nothing about it, so we do.
	 */
	static void warnIfStoreOutgrowsPageCache(Path data, long pageCache) {
		Path database = data.resolve("databases").resolve(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		if (!Files.isDirectory(database)) {
			return;
		}
		long size;
		try (var files = Files.walk(database)) {
			size = files.filter(Files::isRegularFile).mapToLong(file -> {
				try {
					return Files.size(file);
				}
				catch (IOException ex) {
					return 0;
				}
			}).sum();
		}
		catch (IOException | UncheckedIOException ex) {
			return;
		}
		if (size > pageCache) {
			log.warn("The store in {} is {} MiB but the page cache only {} MiB: index builds and large queries will "
					+ "read from disk; set app.neo4j.embedded.page-cache (NEO4J_PAGE_CACHE) to {}m or more if memory "
					+ "allows", database, size >> 20, pageCache >> 20, ((size >> 20) / 256 + 1) * 256);
		}
	}

	private static void checkSafe(EmbeddedNeo4jProperties properties) {
		if (!isLoopback(properties.listenAddress()) && !properties.authEnabled()) {
			throw new IllegalStateException("Refusing to start the embedded Neo4j on app.neo4j.embedded.listen-address="
					+ properties.listenAddress() + " without authentication: that address is reachable from other "
					+ "machines. Set app.neo4j.embedded.auth-enabled=true and app.neo4j.embedded.password "
					+ "(APP_NEO4J_EMBEDDED_AUTH_ENABLED / APP_NEO4J_EMBEDDED_PASSWORD), or listen on 127.0.0.1.");
		}
		if (properties.authEnabled()
				&& (properties.password() == null || properties.password().length() < 8)) {
			throw new IllegalStateException("app.neo4j.embedded.auth-enabled=true needs app.neo4j.embedded.password "
					+ "(APP_NEO4J_EMBEDDED_PASSWORD) of at least 8 characters.");
		}
	}

	static boolean isLoopback(String host) {
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/** Clients cannot connect to a wildcard address; advertise localhost for it. */
	private static String advertised(String host) {
		try {
			return InetAddress.getByName(host).isAnyLocalAddress() ? "localhost" : host;
		}
		catch (UnknownHostException ex) {
			return host;
		}
	}

	private void setPassword(String username, String password) {
		this.neo4j.databaseManagementService()
			.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
			.executeTransactionally("ALTER USER " + quoteName(username) + " SET PASSWORD $password CHANGE NOT REQUIRED",
					Map.of("password", password));
	}

	private static String quoteName(String name) {
		return "`" + name.replace("`", "``") + "`";
	}

	/** Where a client on this machine reaches Bolt (loopback when listening on a wildcard address). */
	public URI boltUri() {
		return reachable(this.neo4j.boltURI());
	}

	/** Where a client on this machine reaches HTTP and Browser. */
	public URI httpUri() {
		return reachable(this.neo4j.httpURI());
	}

	/**
	 * The harness reports the bound address, which for a wildcard listener is {@code 0.0.0.0} or an unbracketed
	 * IPv6 {@code 0:0:0:0:0:0:0:0}; neither is something a driver can connect to.
	 */
	static URI reachable(URI bound) {
		String text = bound.toString();
		int schemeEnd = text.indexOf("://") + 3;
		int portStart = text.lastIndexOf(':') + 1;
		String host = text.substring(schemeEnd, portStart - 1).replace("[", "").replace("]", "");
		String port = text.substring(portStart).replace("/", "");
		boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
		return wildcard ? URI.create(text.substring(0, schemeEnd) + "127.0.0.1:" + port + "/") : bound;
	}

	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/**
	 * Direct access to the default database: the service's own statements ({@link InProcessCypher}) and
	 * administration. Everything else (seed load, Browser, notebooks) talks Bolt.
	 */
	public GraphDatabaseService database() {
		return this.neo4j.defaultDatabaseService();
	}

	@Override
	public void close() {
		long started = System.nanoTime();
		this.neo4j.close();
		log.info("Embedded Neo4j stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		FileSystemUtils.deleteRecursively(this.workDirectory.toFile());
	}

}
