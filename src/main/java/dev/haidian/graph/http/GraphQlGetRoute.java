package dev.haidian.graph.http;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphQL over HTTP GET, as the GraphQL-over-HTTP specification describes it (Spring for GraphQL serves POST
 * only): {@code ?query=…&variables=…&operationName=…}, queries only (a mutation over GET is 405, so that
 * caches and prefetching links can never change data), {@code application/graphql-response+json} by default
 * with 400 for a request that cannot be executed, or {@code application/json} when the client asks for it.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlGetRoute {

	static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ExecutionGraphQlService graphQl;

	GraphQlGetRoute(ExecutionGraphQlService graphQl) {
		this.graphQl = graphQl;
	}

	/** Ahead of Spring for GraphQL's own route for the path, which answers GET with 405. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlOverGet(@Value("${spring.graphql.http.path:/graphql}") String path) {
		return RouterFunctions.route()
			.GET(path, request -> toServerResponse(get(request.param("query").orElse(null),
					request.param("variables").orElse(null), request.param("operationName").orElse(null),
					request.headers().firstHeader(HttpHeaders.ACCEPT))))
			.build();
	}

	private static ServerResponse toServerResponse(ResponseEntity<Object> entity) {
		ServerResponse.BodyBuilder builder = ServerResponse.status(entity.getStatusCode())
			.headers(headers -> headers.addAll(entity.getHeaders()));
		return builder.body(entity.getBody());
	}

	ResponseEntity<Object> get(String query, String variables, String operationName, String accept) {
		boolean legacy = accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)
				&& !accept.contains(GRAPHQL_RESPONSE.toString());
		MediaType type = legacy ? MediaType.APPLICATION_JSON : GRAPHQL_RESPONSE;
		if (query == null || query.isBlank()) {
			return error(HttpStatus.BAD_REQUEST, type, "The query parameter is required");
		}
		Map<String, Object> vars;
		try {
			vars = (variables == null || variables.isBlank()) ? Map.of()
					: JSON.readValue(variables, new TypeReference<Map<String, Object>>() {
					});
		}
		catch (RuntimeException ex) {
			return error(HttpStatus.BAD_REQUEST, type, "The variables parameter is not a JSON object");
		}
		if (isMutation(query, operationName)) {
			return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
				.allow(HttpMethod.POST)
				.contentType(type)
				.body(Map.of("errors", java.util.List.of(Map.of("message", "Mutations must be sent with POST"))));
		}
		ExecutionGraphQlResponse response = this.graphQl
			.execute(new DefaultExecutionGraphQlRequest(query, operationName, vars, Map.of(),
					UUID.randomUUID().toString(), Locale.getDefault()))
			.block();
		HttpStatus status = (!legacy && !response.isValid()) ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
		return ResponseEntity.status(status).contentType(type).body(response.toMap());
	}

	private static boolean isMutation(String query, String operationName) {
		try {
			Document document = Parser.parse(query);
			return document.getDefinitionsOfType(OperationDefinition.class)
				.stream()
				.filter(op -> operationName == null || operationName.equals(op.getName()))
				.anyMatch(op -> op.getOperation() == OperationDefinition.Operation.MUTATION);
		}
		catch (InvalidSyntaxException ex) {
			return false; // the execution reports the syntax error
		}
	}

	private static ResponseEntity<Object> error(HttpStatus status, MediaType type, String message) {
		return ResponseEntity.status(status)
			.contentType(type)
			.body(Map.of("errors", java.util.List.of(Map.of("message", message))));
	}

}
