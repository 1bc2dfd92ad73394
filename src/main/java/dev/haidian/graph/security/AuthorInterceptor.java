package dev.haidian.graph.security;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Puts the name of the credential that {@link GraphQlGuardFilter} accepted into the GraphQL context as
 * {@code author}, so that every write records who made it ("anonymous" for reads without a credential).
 */
@Component
class AuthorInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Object author = request.getAttributes().get(GraphQlGuardFilter.AUTHOR);
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(Map.of("author", (author != null) ? author.toString() : "anonymous"))
			.build());
		return chain.next(request);
	}

}
