package dev.haidian.graph.query;

import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The one place where exceptions become GraphQL errors. Errors a client can act on say what was wrong; anything
 * else stays Spring's opaque INTERNAL_ERROR, so no stack trace or Cypher ever reaches a client.
 */
@ControllerAdvice
class GraphQlErrors {

	private static final ErrorClassification UNAVAILABLE = ErrorClassification.errorClassification("UNAVAILABLE");

	@GraphQlExceptionHandler
	GraphQLError notFound(NotFoundException ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.NOT_FOUND, ex.getMessage()).extensions(Map.of("suggestions", ex.suggestions()))
			.build();
	}

	@GraphQlExceptionHandler
	GraphQLError invalid(InvalidArgumentException ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.BAD_REQUEST, ex.getMessage()).extensions(Map.of("argument", ex.argument())).build();
	}

	@GraphQlExceptionHandler
	GraphQLError timeout(GraphReader.QueryTimeoutException ex, DataFetchingEnvironment env) {
		return error(env, GraphReader.QueryTimeoutException.ERROR_TYPE, ex.getMessage()).build();
	}

	@GraphQlExceptionHandler({ ServiceUnavailableException.class, SessionExpiredException.class,
			GraphUnavailableException.class })
	GraphQLError unavailable(Exception ex, DataFetchingEnvironment env) {
		return error(env, UNAVAILABLE, "The graph database is unavailable right now; try again shortly").build();
	}

	private static GraphQLError.Builder<?> error(DataFetchingEnvironment env, ErrorClassification type,
			String message) {
		return GraphQLError.newError()
			.errorType(type)
			.message(message)
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation());
	}

}
