package dev.haidian.graph.proximity;

import graphql.TrivialDataFetcher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Binds {@code Query.firmsNear}. Not a {@code @QueryMapping}: Spring for GraphQL wraps non-trivial fetchers of
 * {@code *Connection} fields to adapt Spring Data pages, and turns the null of a failed fetch (e.g. NOT_FOUND)
 * into an empty connection whose missing {@code totalCount} then adds a second, misleading error. Our
 * connection is complete already, so the fetcher is marked trivial and left alone; errors still go through the
 * {@code @GraphQlExceptionHandler} advice.
 */
@Configuration(proxyBeanMethods = false)
class FirmsNearWiring {

	@Bean
	RuntimeWiringConfigurer firmsNearFetcher(FirmsNearService firms) {
		TrivialDataFetcher<Object> fetcher = env -> firms.firmsNear(env.getArgument("place"),
				((Number) env.getArgument("withinKm")).doubleValue(), env.getArgument("first"),
				env.getArgument("after"), env.getSelectionSet());
		return wiring -> wiring.type("Query", query -> query.dataFetcher("firmsNear", fetcher));
	}

}
