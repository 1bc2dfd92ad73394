package dev.haidian.graph.entity;

import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import graphql.TrivialDataFetcher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Binds the list fields ({@code entities}, {@code companies}, …). Marked trivial for the reason given in
 * {@code FirmsNearWiring}: our connections are complete, and Spring's Relay adapter must not replace a failed
 * fetch with an empty connection.
 */
@Configuration(proxyBeanMethods = false)
class EntityListWiring {

	private static final Map<String, String> LABELS = Map.of("companies", "Company", "buildings", "Building",
			"people", "Person", "policies", "Policy", "products", "Product", "universities", "University", "areas",
			"Area");

	@Bean
	RuntimeWiringConfigurer entityListFetchers(EntityService entities) {
		return wiring -> wiring.type("Query", query -> {
			query.dataFetcher("entities", list(entities, null));
			LABELS.forEach((field, label) -> query.dataFetcher(field, list(entities, label)));
			return query;
		});
	}

	private static TrivialDataFetcher<Object> list(EntityService entities, String fixedLabel) {
		return env -> entities.list((fixedLabel != null) ? fixedLabel : env.getArgument("type"), filter(env),
				order(env), env.getArgument("first"), env.getArgument("after"), env.getSelectionSet());
	}

	private static EntityFilter filter(DataFetchingEnvironment env) {
		Map<String, Object> f = env.getArgument("filter");
		return (f == null) ? null : new EntityFilter((String) f.get("name"), (String) f.get("area"),
				(String) f.get("city"), (String) f.get("kind"), (String) f.get("dateFrom"), (String) f.get("dateTo"));
	}

	private static EntityOrder order(DataFetchingEnvironment env) {
		Map<String, Object> o = env.getArgument("orderBy");
		return (o == null) ? null : new EntityOrder(String.valueOf(o.get("field")), String.valueOf(o.get("direction")));
	}

}
