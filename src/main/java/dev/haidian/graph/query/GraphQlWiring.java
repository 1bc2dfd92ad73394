package dev.haidian.graph.query;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.TrivialDataFetcher;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.PropertyDataFetcher;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.util.function.SingletonSupplier;

/**
 * How GraphQL reads the answers built by {@link Projection}: each root field's statement returns nested maps
 * keyed by the response keys (aliases included), so nested fields are read from the map by response key, and an
 * {@code Entity}'s concrete type is the label in its {@code type} entry. Also installs the depth and complexity
 * limits ({@link RepeatedDocuments}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Limits.class)
class GraphQlWiring {

	@Bean
	RuntimeWiringConfigurer entityWiring() {
		TrivialDataFetcher<Object> byResponseKey = env -> {
			Object source = env.getSource();
			if (source instanceof Map<?, ?> map) {
				String key = env.getField().getResultKey();
				Object value = map.containsKey(key) ? map.get(key) : map.get(env.getField().getName());
				// Extras built only when selected (e.g. a Browser reproduction per link), at most once.
				return (value instanceof SingletonSupplier<?> lazy) ? lazy.get() : value;
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

	/** Parsed and validated documents by query text (and operation name), at most {@code MAX_DOCUMENTS}. */
	@Bean
	GraphQlSourceBuilderCustomizer parsedDocumentCache() {
		Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumSize(MAX_DOCUMENTS).build();
		PreparsedDocumentProvider provider = (input, parseAndValidate) -> CompletableFuture.completedFuture(
				documents.get(input.getOperationName() + "\u0000" + input.getQuery(), key -> parseAndValidate.apply(input)));
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
	}

	private static final int MAX_DOCUMENTS = 1000;

	/** The depth and complexity limits, and the root fields' selection sets, worked out once per document. */
	@Bean
	RepeatedDocuments repeatedDocuments(Limits limits) {
		return new RepeatedDocuments(limits);
	}

}
