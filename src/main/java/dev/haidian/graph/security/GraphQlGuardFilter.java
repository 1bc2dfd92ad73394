package dev.haidian.graph.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.NodeVisitorStub;
import graphql.language.NodeTraverser;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserOptions;
import graphql.parser.ParserEnvironment;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.filter.OncePerRequestFilter;

import dev.haidian.graph.http.GraphQlPostEndpoint;

/**
 * The door of {@code /graphql}: checks credentials, then what a request may do before GraphQL runs it.
 *
 * <ul>
 * <li>A credential that matches nothing is 401, whatever the request: a client that sends one expects it to
 * work and must learn that it does not.</li>
 * <li>Mutations need a writer credential: 401 without one, 403 with a reader's.</li>
 * <li>Queries need a credential only when reads are not open.</li>
 * <li>Bodies over {@code maxBodyBytes} are 413; documents with more than {@code maxAliases} aliases are 400;
 * more than {@code requestsPerMinute} requests a minute from one client are 429 with {@code Retry-After}.</li>
 * </ul>
 * Responses say what was wrong in one sentence and nothing about the credentials themselves.
 */
class GraphQlGuardFilter extends OncePerRequestFilter {

	static final String AUTHOR = GraphQlGuardFilter.class.getName() + ".author";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Credentials credentials;

	private final SecurityProperties properties;

	private final String path;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	GraphQlGuardFilter(Credentials credentials, SecurityProperties properties, String path) {
		this.credentials = credentials;
		this.properties = properties;
		this.path = path;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.path.equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Optional<Credentials.Credential>> presented = this.credentials
			.presented(request.getHeader("X-API-Key"), request.getHeader("Authorization"));
		if (presented.isPresent() && presented.get().isEmpty()) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"haidian-ai-graph\"");
			refuse(response, 401, "The credential is not valid");
			return;
		}
		Credentials.Credential credential = presented.flatMap(c -> c).orElse(null);
		String client = (credential != null) ? "key:" + credential.name() : "ip:" + request.getRemoteAddr();
		if (!allow(client)) {
			response.setHeader("Retry-After", "60");
			refuse(response, 429, "Too many requests: at most " + this.properties.requestsPerMinute()
					+ " a minute per client (app.security.requests-per-minute)");
			return;
		}
		HttpServletRequest checked = request;
		String query;
		String operationName;
		if ("POST".equals(request.getMethod())) {
			long declared = request.getContentLengthLong();
			if (declared > this.properties.maxBodyBytes()) {
				refuse(response, 413, "The request body is larger than " + this.properties.maxBodyBytes()
						+ " bytes (app.security.max-body-bytes)");
				return;
			}
			byte[] body = request.getInputStream().readNBytes(this.properties.maxBodyBytes() + 1);
			if (body.length > this.properties.maxBodyBytes()) {
				refuse(response, 413, "The request body is larger than " + this.properties.maxBodyBytes()
						+ " bytes (app.security.max-body-bytes)");
				return;
			}
			checked = new CachedBodyRequest(request, body);
			Map<?, ?> json;
			try {
				json = JSON.readValue(body, Map.class);
				// read once: GraphQlPostEndpoint runs it from here
				checked.setAttribute(GraphQlPostEndpoint.BODY, json);
			}
			catch (RuntimeException ex) {
				json = null; // Spring for GraphQL answers malformed JSON with 400
			}
			query = (json != null && json.get("query") instanceof String text) ? text : null;
			operationName = (json != null && json.get("operationName") instanceof String name) ? name : null;
		}
		else {
			query = request.getParameter("query");
			operationName = request.getParameter("operationName");
		}
		Shape shape = shape(query);
		if (shape != null) {
			if (shape.aliases() > this.properties.maxAliases()) {
				refuse(response, 400, "The query has " + shape.aliases() + " aliases; at most "
						+ this.properties.maxAliases() + " are allowed (app.security.max-aliases)");
				return;
			}
			boolean mutation = shape.writes().stream()
				.anyMatch(name -> operationName == null || operationName.equals(name.orElse(null)));
			// Over GET a mutation is refused with 405 whoever sends it (GraphQlGetRoute), so only POST is checked.
			if (mutation && "POST".equals(request.getMethod()) && (credential == null || !credential.writer())) {
				if (credential == null) {
					response.setHeader("WWW-Authenticate", "Basic realm=\"haidian-ai-graph\"");
				}
				refuse(response, (credential == null) ? 401 : 403, (credential == null)
						? (this.credentials.anyWriter() ? "Writes need a writer credential (X-API-Key or HTTP Basic)"
								: "Writes are disabled: no writer credential is configured (app.security.writers)")
						: "This credential may not write");
				return;
			}
		}
		if (!this.properties.readsOpen() && credential == null) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"haidian-ai-graph\"");
			refuse(response, 401, "Reads need a credential (X-API-Key or HTTP Basic)");
			return;
		}
		if (credential != null) {
			checked.setAttribute(AUTHOR, credential.name());
		}
		chain.doFilter(checked, response);
	}

	/**
	 * What the guard needs to know of a document: its aliases and the names of its operations that are not
	 * queries. Remembered per query text (clients send the same few documents again and again, and parsing is
	 * most of the guard's cost); at most {@code MAX_SHAPES}, the least used going first.
	 */
	record Shape(int aliases, java.util.List<Optional<String>> writes) {
	}

	private static final int MAX_SHAPES = 1000;

	private static final int MAX_SHAPE_QUERY_LENGTH = 16 * 1024;

	private static final Shape UNPARSEABLE = new Shape(0, java.util.List.of());

	private final Cache<String, Shape> shapes = Caffeine.newBuilder().maximumSize(MAX_SHAPES).build();

	private Shape shape(String query) {
		if (query == null) {
			return null;
		}
		Shape shape = (query.length() <= MAX_SHAPE_QUERY_LENGTH) ? this.shapes.get(query, GraphQlGuardFilter::parseShape)
				: parseShape(query);
		return (shape == UNPARSEABLE) ? null : shape;
	}

	private static Shape parseShape(String query) {
		Document document = parse(query);
		return (document == null) ? UNPARSEABLE : new Shape(aliases(document), document
			.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.filter(op -> op.getOperation() != OperationDefinition.Operation.QUERY)
			.map(op -> Optional.ofNullable(op.getName()))
			.toList());
	}

	private static Document parse(String query) {
		if (query == null) {
			return null;
		}
		try {
			ParserOptions options = ParserOptions.getDefaultOperationParserOptions();
			return new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
				.document(query)
				.parserOptions(options)
				.build());
		}
		catch (RuntimeException ex) {
			return null; // GraphQL reports syntax errors and parser limits itself
		}
	}

	private static int aliases(Document document) {
		AtomicInteger count = new AtomicInteger();
		new NodeTraverser().depthFirst(new NodeVisitorStub() {
			@Override
			public TraversalControl visitField(Field node, TraverserContext<graphql.language.Node> context) {
				if (node.getAlias() != null) {
					count.incrementAndGet();
				}
				return TraversalControl.CONTINUE;
			}
		}, document);
		return count.get();
	}

	private boolean allow(String client) {
		long minute = System.currentTimeMillis() / 60_000;
		Window window = this.windows.compute(client,
				(key, old) -> (old == null || old.minute() != minute) ? new Window(minute, new AtomicInteger()) : old);
		if (this.windows.size() > 100_000) {
			this.windows.entrySet().removeIf(e -> e.getValue().minute() != minute);
		}
		return window.count().incrementAndGet() <= this.properties.requestsPerMinute();
	}

	/** Requests of one client in one clock minute. */
	private record Window(long minute, AtomicInteger count) {
	}

	static void refuse(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(Map.of("errors", java.util.List.of(Map.of("message", message)))));
	}

	/** The request with its body already read, so GraphQL can read it again. */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return false;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
