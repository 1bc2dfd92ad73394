package dev.haidian.graph.http;

import java.io.IOException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.IdGenerator;

/**
 * Answers the common GraphQL request, a {@code POST} of a JSON body, without Spring MVC in between: the body the
 * guard already parsed ({@link #BODY}) goes straight to Spring for GraphQL's {@link WebGraphQlHandler} (so its
 * interceptors, context propagation and the GraphQL engine are the same), and the answer is written with
 * Jackson. Media type and status follow Spring for GraphQL's HTTP handler exactly: the first accepted type of
 * {@code application/graphql-response+json} or {@code application/json} (else {@code application/json}); 400
 * when an {@code application/graphql-response+json} answer has no data.
 *
 * <p>
 * Why: for a small query the dispatcher, the functional route, the request and response wrappers and the
 * message converters took about a third of the service's own time per request, more than the GraphQL engine.
 * Everything else (another content type or accepted type, a body that is not a JSON object with a query,
 * GET) passes on to Spring for GraphQL's handler, which answers it as before, errors included.
 */
public final class GraphQlPostEndpoint extends HttpFilter {

	/** The request attribute under which the guard leaves the JSON body it parsed (a {@code Map}). */
	public static final String BODY = GraphQlPostEndpoint.class.getName() + ".body";

	private static final List<MediaType> ANSWERED = List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE,
			MediaType.APPLICATION_JSON);

	/** The legacy {@code application/graphql+json}, which Spring for GraphQL still answers with; left to it. */
	private static final MediaType LEGACY_GRAPHQL = new MediaType("application", "graphql+json");

	private final WebGraphQlHandler handler;

	private final JsonMapper json;

	private final IdGenerator ids = new AlternativeJdkIdGenerator();

	public GraphQlPostEndpoint(WebGraphQlHandler handler, JsonMapper json) {
		this.handler = handler;
		this.json = json;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		MediaType answer = "POST".equals(request.getMethod()) && isJson(request.getContentType())
				? answerType(request.getHeader(HttpHeaders.ACCEPT)) : null;
		Map<String, Object> body = (answer != null) ? body(request) : null;
		if (body == null) {
			chain.doFilter(request, response);
			return;
		}
		// Spring's own view of the servlet request gives the URI, the headers and the remote address exactly as its
		// GraphQL transport sees them.
		ServletServerHttpRequest http = new ServletServerHttpRequest(request);
		WebGraphQlResponse result = this.handler.handleRequest(new WebGraphQlRequest(http.getURI(), http.getHeaders(),
				null, http.getRemoteAddress(), new Attributes(request), body, this.ids.generateId().toString(),
				request.getLocale()))
			.toFuture()
			.join();
		byte[] bytes = this.json.writeValueAsBytes(result.toMap());
		response.setStatus((MediaTypes.APPLICATION_GRAPHQL_RESPONSE.equals(answer)
				&& !result.getExecutionResult().isDataPresent()) ? HttpStatus.BAD_REQUEST.value() : HttpStatus.OK.value());
		result.getResponseHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		response.setContentType(answer.toString());
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	/** {@code application/json}, with no parameter other than a UTF-8 charset. */
	private static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type) && type.getParameters()
				.entrySet()
				.stream()
				.allMatch(p -> p.getKey().equalsIgnoreCase("charset") && p.getValue().equalsIgnoreCase("utf-8"));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/** The answer's media type as Spring for GraphQL chooses it; null when it would choose another. */
	private static MediaType answerType(String accept) {
		if (accept == null || accept.isBlank()) {
			return MediaType.APPLICATION_JSON;
		}
		try {
			for (MediaType type : MediaType.parseMediaTypes(accept)) {
				if (ANSWERED.contains(type)) {
					return type;
				}
				if (LEGACY_GRAPHQL.equals(type)) {
					return null;
				}
			}
			return MediaType.APPLICATION_JSON;
		}
		catch (InvalidMediaTypeException ex) {
			return null; // Spring's handler answers it with 406
		}
	}

	/**
	 * The body the guard parsed, when it is one Spring for GraphQL would run; else null (then Spring's handler
	 * reads the body again and answers, errors included).
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> body(HttpServletRequest request) {
		if (!(request.getAttribute(BODY) instanceof Map<?, ?> map) || !(map.get("query") instanceof String query)
				|| query.isBlank() || !(map.get("operationName") == null || map.get("operationName") instanceof String)
				|| !(map.get("variables") == null || map.get("variables") instanceof Map)
				|| !(map.get("extensions") == null || map.get("extensions") instanceof Map)) {
			return null;
		}
		return (Map<String, Object>) map;
	}

	/** The servlet request's attributes as a map, read through (the guard leaves the credential's name there). */
	private static final class Attributes extends AbstractMap<String, Object> {

		private final HttpServletRequest request;

		Attributes(HttpServletRequest request) {
			this.request = request;
		}

		@Override
		public Object get(Object key) {
			return (key instanceof String name) ? this.request.getAttribute(name) : null;
		}

		@Override
		public boolean containsKey(Object key) {
			return get(key) != null;
		}

		@Override
		public Object put(String key, Object value) {
			Object old = get(key);
			this.request.setAttribute(key, value);
			return old;
		}

		@Override
		public Object remove(Object key) {
			Object old = get(key);
			if (key instanceof String name) {
				this.request.removeAttribute(name);
			}
			return old;
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			Map<String, Object> copy = new java.util.LinkedHashMap<>();
			for (String name : Collections.list(this.request.getAttributeNames())) {
				copy.put(name, this.request.getAttribute(name));
			}
			return Collections.unmodifiableSet(copy.entrySet());
		}

	}

}
