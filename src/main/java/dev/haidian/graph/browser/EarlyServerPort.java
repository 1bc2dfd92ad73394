package dev.haidian.graph.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code server.port=0} ("any free port") into a concrete free port before any bean is created.
 *
 * <p>
 * The embedded Neo4j starts long before the web server binds, yet its Browser post-connect command must name
 * this app's port (Browser fetches our guide and style from it). With port 0 (tests, {@code PORT=0}) the port
 * would only be known after Neo4j's configuration is frozen, and Browser would fetch from port 0. Choosing the
 * free port here, exactly as the web server would, keeps one port for both. The port is free when chosen; in the
 * few milliseconds until the web server binds another process could take it, in which case start-up fails with
 * a clear "port in use" message and a restart picks another.
 */
class EarlyServerPort implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!"0".equals(environment.getProperty("server.port"))) {
			return;
		}
		String address = environment.getProperty("server.address", "127.0.0.1");
		environment.getPropertySources()
			.addFirst(new MapPropertySource("earlyServerPort", Map.of("server.port", freePort(address))));
	}

	private static int freePort(String address) {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on server.address=" + address, ex);
		}
	}

}
