package dev.haidian.graph.entity;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class EntityController {

	private final EntityService entities;

	EntityController(EntityService entities) {
		this.entities = entities;
	}

	@QueryMapping
	Map<String, Object> entity(@Argument String name, DataFetchingFieldSelectionSet selection) {
		return this.entities.entity(name, selection);
	}

	@QueryMapping
	List<Object> search(@Argument String text, @Argument List<String> types, @Argument Integer first,
			DataFetchingFieldSelectionSet selection) {
		return this.entities.search(text, types, first, selection);
	}

}
