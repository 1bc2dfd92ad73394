package dev.haidian.graph.system;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SystemController {

	private final SystemService system;

	SystemController(SystemService system) {
		this.system = system;
	}

	@QueryMapping
	GraphStats stats() {
		return this.system.stats();
	}

	@QueryMapping
	String neo4jVersion() {
		return this.system.neo4jVersion();
	}

}
