package dev.haidian.graph.system;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Adds the connected Neo4j's name, version and edition to {@code /actuator/info}. */
@Component
class Neo4jInfoContributor implements InfoContributor {

	private final SystemService system;

	Neo4jInfoContributor(SystemService system) {
		this.system = system;
	}

	@Override
	public void contribute(Info.Builder builder) {
		try {
			builder.withDetail("neo4j", this.system.serverInfo());
		}
		catch (RuntimeException ex) {
			builder.withDetail("neo4j", java.util.Map.of("error", "unreachable"));
		}
	}

}
