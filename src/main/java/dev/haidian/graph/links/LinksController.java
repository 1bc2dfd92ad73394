package dev.haidian.graph.links;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class LinksController {

	private final LinksService links;

	LinksController(LinksService links) {
		this.links = links;
	}

	@QueryMapping
	List<Map<String, Object>> cityLinks(@Argument String cityA, @Argument String cityB, @Argument Integer first,
			@Argument String after, DataFetchingFieldSelectionSet selection) {
		return this.links.cityLinks(cityA, cityB, first, after, selection);
	}

	@QueryMapping
	List<Map<String, Object>> paths(@Argument String from, @Argument String to, @Argument Integer maxHops,
			@Argument Integer first, DataFetchingFieldSelectionSet selection) {
		return this.links.paths(from, to, maxHops, first, selection);
	}

}
