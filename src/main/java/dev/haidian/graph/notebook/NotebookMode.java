package dev.haidian.graph.notebook;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Settings for a notebook run ({@code app.notebook.run} set), applied before the application starts.
 *
 * <p>
 * A notebook run prints tables, so it needs no web server, no banner and only warnings in the log. It may run
 * while the service is up: the embedded Neo4j then takes any free Bolt and HTTP ports instead of the service's
 * 7687/7474 (nobody connects to them from outside during a run). Anything given on the command line still wins.
 */
class NotebookMode implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("app.notebook.run", "").isBlank()) {
			return;
		}
		MapPropertySource settings = new MapPropertySource("notebookMode",
				Map.of("spring.main.web-application-type", "none", "spring.main.banner-mode", "off",
						"logging.level.root", "WARN", "logging.level.org.eclipse.jetty", "ERROR",
						"logging.level.org.glassfish", "ERROR", "logging.level.org.apache.lucene", "ERROR",
						"app.neo4j.embedded.bolt-port", "0", "app.neo4j.embedded.http-port", "0"));
		MutablePropertySources sources = environment.getPropertySources();
		if (sources.contains("commandLineArgs")) {
			sources.addAfter("commandLineArgs", settings);
		}
		else {
			sources.addFirst(settings);
		}
	}

}
