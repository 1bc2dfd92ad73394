package dev.haidian.graph.browser;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EarlyServerPortTests {

	@Test
	void anyFreePortBecomesOneConcretePortBeforeStartUp() {
		StandardEnvironment environment = environment("0");
		new EarlyServerPort().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.port", Integer.class)).isBetween(1, 65535);
	}

	@Test
	void aConfiguredPortIsLeftAlone() {
		StandardEnvironment environment = environment("8180");
		new EarlyServerPort().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.port")).isEqualTo("8180");
	}

	private static StandardEnvironment environment(String port) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("server.port", port, "server.address", "127.0.0.1")));
		return environment;
	}

}
