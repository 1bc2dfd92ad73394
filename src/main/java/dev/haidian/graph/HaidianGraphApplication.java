package dev.haidian.graph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The knowledge-graph service: GraphQL over a Neo4j that is either started in-process (default) or reached
 * through {@code NEO4J_URI}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HaidianGraphApplication {

	public static void main(String[] args) {
		SpringApplication.run(HaidianGraphApplication.class, args);
	}

}
