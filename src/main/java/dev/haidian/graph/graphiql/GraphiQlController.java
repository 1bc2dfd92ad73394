package dev.haidian.graph.graphiql;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves GraphiQL at {@code /graphiql} from this application's own static resources and webjars, so that it
 * works without internet access (Spring's stock page loads its scripts from a CDN).
 */
@Controller
class GraphiQlController {

	@GetMapping({ "/graphiql", "/graphiql/" })
	String graphiql() {
		return "forward:/graphiql/index.html";
	}

}
