package dev.haidian.graph.query;

import java.util.Map;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.PropertyDataFetcher;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * How GraphQL reads the answers built by {@link Projection}: each root field's statement returns nested maps
 * keyed by the response keys (aliases included), so nested fields are read from the map by response key, and an
 * {@code Entity}'s concrete type is the label in its {@code type} entry. Also installs the depth and complexity
 * limits.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Limits.class)
class GraphQlWiring {

	@Bean
	RuntimeWiringConfigurer entityWiring() {
		DataFetcher<Object> byResponseKey = env -> {
			Object source = env.getSource();
			if (source instanceof Map<?, ?> map) {
				String key = env.getField().getResultKey();
				return map.containsKey(key) ? map.get(key) : map.get(env.getField().getName());
			}
			return PropertyDataFetcher.fetching(env.getField().getName()).get(env);
		};
		return wiring -> wiring
			.codeRegistry(GraphQLCodeRegistry.newCodeRegistry().defaultDataFetcher(env -> byResponseKey))
			.type("Entity", entity -> entity.typeResolver(env -> {
				Object type = ((Map<?, ?>) env.getObject()).get("type");
				GraphQLObjectType objectType = (type != null) ? env.getSchema().getObjectType(type.toString()) : null;
				return (objectType != null) ? objectType : env.getSchema().getObjectType("Company");
			}));
	}

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepth(Limits limits) {
		return new MaxQueryDepthInstrumentation(limits.maxDepth());
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexity(Limits limits) {
		return new MaxQueryComplexityInstrumentation(limits.maxComplexity());
	}

}
