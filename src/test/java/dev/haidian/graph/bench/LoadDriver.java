package dev.haidian.graph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.neo4j.driver.Driver;

import dev.haidian.graph.query.CypherRunner;
import dev.haidian.graph.query.GraphReader;
import dev.haidian.graph.support.StatementCounter;

/**
 * A closed-loop load driver: each headline GraphQL request over HTTP, and in the same run the Cypher statement
 * the service sent for it (captured) straight through the Java driver, at 1 and at N concurrent clients; p50,
 * p99, throughput and Cypher statements per request, as a Markdown report. When the service runs its statements
 * in-process ({@link CypherRunner}), the same statement is also timed through that runner, called directly: the
 * floor of the service's own path, so the report shows what GraphQL and HTTP add on top of it as well.
 */
final class LoadDriver {

	/** The headline requests of the issue; the list is page 2 of companies by name. */
	static final Map<String, String> QUERIES = new LinkedHashMap<>();
	static {
		QUERIES.put("{ __typename } (no Cypher: the HTTP + GraphQL floor)", "{ __typename }");
		QUERIES.put("firmsNear(清华大学, 1.5 km, first 20)",
				"{ firmsNear(place: \"清华大学\", withinKm: 1.5, first: 20) { totalCount edges { distanceKm node { id name } via { id name } } } }");
		QUERIES.put("cityLinks(北京, 杭州)",
				"{ cityLinks(cityA: \"北京\", cityB: \"杭州\") { entity { id name } summary paths { length relations { type node { id } evidence { quote } } } } }");
		QUERIES.put("paths(浙江大学, 海淀区, ≤ 4 hops)",
				"{ paths(from: \"浙江大学\", to: \"海淀区\", maxHops: 4) { length nodes { id } relations { type evidence { quote } } } }");
		QUERIES.put("entity(月之暗面)",
				"{ entity(name: \"月之暗面\") { id name relations { type node { id } evidence { quote } } } }");
		QUERIES.put("companies(first 20, page 2)",
				"{ companies(first: 20, after: \"" + dev.haidian.graph.query.Cursors.at(19)
						+ "\") { totalCount edges { cursor node { id name nameZh } } pageInfo { hasNextPage endCursor } } }");
	}

	/**
	 * The command that reruns a benchmark as it ran: its store and every {@code bench.*} option given.
	 */
	static String command(String benchmark) {
		String store = System.getProperty("bench.data-directory");
		return "./mvnw -Pbenchmark verify -Dtest=" + benchmark
				+ ((store == null) ? "" : " -Dbench.ephemeral=false -Dbench.seed-load=never -Dbench.data-directory=" + store)
				+ Stream.of("bench.page-cache", "bench.warmup", "bench.runs", "bench.clients", "bench.queries")
					.filter(p -> System.getProperty(p) != null)
					.map(p -> " -D" + p + "=" + System.getProperty(p))
					.collect(Collectors.joining());
	}

	/** How much to run: warm-up and timed requests per client count. */
	record Settings(int warmup, int runs, List<Integer> clients) {

		static Settings fromSystemProperties() {
			return new Settings(Integer.getInteger("bench.warmup", 20000), Integer.getInteger("bench.runs", 2000),
					Arrays.stream(System.getProperty("bench.clients", "1,16").split(",")).map(Integer::valueOf).toList());
		}

	}

	/** Latencies of one series. */
	record Series(double p50, double p99, double perSecond, int errors) {
	}

	/** One keep-alive connection per benchmark thread. */
	private final ThreadLocal<RawHttpClient> http;

	/** The statements straight through the Java driver (no service code in between). */
	private final CypherRunner bolt;

	private final StatementCounter statements;

	private final Settings settings;

	/** The service's in-process runner, or null when it sends its statements through the driver. */
	private final CypherRunner inProcess;

	private final java.time.Duration timeout;

	LoadDriver(int port, Driver driver, StatementCounter statements, Settings settings, java.time.Duration timeout,
			CypherRunner inProcess) {
		this.http = ThreadLocal.withInitial(() -> {
			try {
				return new RawHttpClient(port);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		this.bolt = GraphReader.overBolt(driver);
		this.statements = statements;
		this.settings = settings;
		this.inProcess = inProcess;
		this.timeout = timeout;
	}

	/** Runs every query and returns the report; writes it to {@code report}. */
	@SuppressWarnings("unchecked")
	String run(String scale, String command, Path report) throws Exception {
		StringBuilder table = new StringBuilder();
		table.append("| query | Cypher statements / request | clients | GraphQL p50 (ms) | GraphQL p99 (ms) | GraphQL req/s | driver p50 (ms) | driver p99 (ms) | driver req/s | p50 ratio | in-process p50 (ms) | in-process p99 (ms) | GraphQL p50 / in-process p50 | errors |\n");
		table.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		// -Dbench.queries=firmsNear,companies runs only the queries whose names contain one of these.
		List<String> only = Arrays.stream(System.getProperty("bench.queries", "").split(",")).filter(q -> !q.isBlank()).toList();
		warmUp(only);
		for (var query : QUERIES.entrySet()) {
			if (!only.isEmpty() && only.stream().noneMatch(query.getKey()::contains)) {
				continue;
			}
			byte[] body = tools.jackson.databind.json.JsonMapper.builder().build()
				.writeValueAsBytes(Map.of("query", query.getValue()));
			String first = firstAnswer(body);
			long before = this.statements.count();
			if (first == null) {
				first = graphQl(body); // counted on its own: the first may have been tried more than once
			}
			long perRequest = this.statements.count() - before;
			Object[] sent = (perRequest > 0) ? this.statements.last() : new Object[] { "", Map.of() };
			String cypher = (String) sent[0];
			Map<String, Object> parameters = (sent.length > 1) ? (Map<String, Object>) sent[1] : Map.of();
			if (first != null) {
				table.append("| ").append(query.getKey()).append(" | failed: ")
					.append(first.replace("|", "/").substring(0, Math.min(200, first.length()))).append(" ||||||||||||\n");
				continue;
			}
			List<Call> calls = new ArrayList<>(List.of(() -> graphQl(body)));
			if (perRequest > 0) {
				calls.add(viaDriver(cypher, parameters));
				if (this.inProcess != null) {
					calls.add(inProcess(cypher, parameters));
				}
			}
			for (int clients : this.settings.clients()) {
				Series[] series = series(clients, calls);
				Series viaGraphQl = series[0];
				if (series.length == 1) {
					table.append(String.format(Locale.ROOT, "| %s | 0 | %d | %.2f | %.2f | %.0f | – | – | – | – | – | – | – | %d |%n",
							query.getKey(), clients, viaGraphQl.p50(), viaGraphQl.p99(), viaGraphQl.perSecond(),
							viaGraphQl.errors()));
					continue;
				}
				Series direct = series[1];
				Series local = (series.length > 2) ? series[2] : null;
				table.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %.0f | %.2f | %.2f | %.0f | %.2f | %s | %s | %s | %d |%n",
						query.getKey(), perRequest, clients, viaGraphQl.p50(), viaGraphQl.p99(), viaGraphQl.perSecond(),
						direct.p50(), direct.p99(), direct.perSecond(), viaGraphQl.p50() / direct.p50(),
						(local == null) ? "–" : String.format(Locale.ROOT, "%.2f", local.p50()),
						(local == null) ? "–" : String.format(Locale.ROOT, "%.2f", local.p99()),
						(local == null) ? "–" : String.format(Locale.ROOT, "%.2f", viaGraphQl.p50() / local.p50()),
						Arrays.stream(series).mapToInt(Series::errors).sum()));
			}
			write(scale, command, report, table);
		}
		return write(scale, command, report, table);
	}

	/**
	 * Brings the JIT to its steady state before anything is timed: every selected query, over HTTP and through
	 * the driver, round-robin for {@code warmup} rounds. (The HTTP + GraphQL path is far more code than the
	 * driver's; a few hundred requests leave it half-compiled and its figures several times too slow.)
	 */
	@SuppressWarnings("unchecked")
	private void warmUp(List<String> only) throws Exception {
		List<Call> calls = new ArrayList<>();
		for (var query : QUERIES.entrySet()) {
			if (!only.isEmpty() && only.stream().noneMatch(query.getKey()::contains)) {
				continue;
			}
			byte[] body = tools.jackson.databind.json.JsonMapper.builder().build()
				.writeValueAsBytes(Map.of("query", query.getValue()));
			if (firstAnswer(body) != null) {
				continue;
			}
			long before = this.statements.count();
			graphQl(body);
			calls.add(() -> graphQl(body));
			if (this.statements.count() > before) {
				Object[] sent = this.statements.last();
				String cypher = (String) sent[0];
				Map<String, Object> parameters = (sent.length > 1) ? (Map<String, Object>) sent[1] : Map.of();
				calls.add(viaDriver(cypher, parameters));
				if (this.inProcess != null) {
					calls.add(inProcess(cypher, parameters));
				}
			}
		}
		for (int round = 0; round < this.settings.warmup() && !calls.isEmpty(); round++) {
			calls.get(round % calls.size()).call();
		}
	}

	/** The statement straight through the Java driver, in a read transaction with the service's timeout. */
	private Call viaDriver(String cypher, Map<String, Object> parameters) {
		return () -> {
			this.bolt.run(cypher, parameters, false, this.timeout);
			return null;
		};
	}

	/** The statement through the service's in-process runner, as the service runs it, without GraphQL or HTTP. */
	private Call inProcess(String cypher, Map<String, Object> parameters) {
		return () -> {
			this.inProcess.run(cypher, parameters, false, this.timeout);
			return null;
		};
	}

	/** Writes the report so far (after every query, so a long run that is stopped still leaves its figures). */
	private String write(String scale, String command, Path report, CharSequence table) throws java.io.IOException {
		String text = "# Headline query benchmark (" + scale + ")\n\n" + LocalDate.now() + ". GraphQL over HTTP versus the "
				+ "statement the service sent, run through the Java driver in a read transaction with the same timeout"
				+ ((this.inProcess != null) ? " and through the service's in-process runner" : "") + ".\n\n"
				+ table + "\n"
				+ this.settings.warmup() + " warm-up requests over all queries first; then per query and client count "
				+ this.settings.warmup() / 20 + " more warm-up rounds and " + this.settings.runs()
				+ " timed rounds shared by the clients (closed loop). A round is one GraphQL request, one driver "
				+ "call and, when the service runs its statements in this JVM, one call of its in-process runner; "
				+ "the order rotates from round to round, so all see the same machine (JIT state, page cache, other "
				+ "load). req/s = clients / mean latency. p50 ratio = GraphQL p50 / driver p50. The HTTP client is a "
				+ "minimal keep-alive HTTP/1.1 client per benchmark thread (RawHttpClient). "
				+ ((this.inProcess != null) ? "The service ran its statements in-process (InProcessCypher), not "
						+ "over Bolt." : "The service sent its statements through the driver (Bolt).")
				+ "\n\n"
				+ "Command: `" + command + "`\n\nMachine: " + machine() + "\n";
		Files.createDirectories(report.toAbsolutePath().getParent());
		Files.writeString(report, text);
		return text;
	}

	/**
	 * The first request of a query in a fresh JVM also plans its statement, which on a large store and a busy
	 * machine can take longer than the statement timeout; Neo4j keeps the plan, so it is tried up to three times.
	 */
	private String firstAnswer(byte[] body) throws Exception {
		String failure = null;
		for (int attempt = 0; attempt < 3; attempt++) {
			failure = graphQl(body);
			if (failure == null || !failure.contains("longer than")) {
				return failure;
			}
		}
		return failure;
	}

	/** Returns null when the response is a GraphQL answer without errors, else what went wrong. */
	private String graphQl(byte[] body) throws Exception {
		RawHttpClient.Response response = this.http.get().post("/graphql", body, "");
		if (response.status() != 200 || response.body().contains("\"errors\"")) {
			return response.status() + " " + response.body();
		}
		return null;
	}

	interface Call {

		/** Performs one request; returns null on success, else the error. */
		String call() throws Exception;

	}

	/**
	 * Warms up, then runs {@code runs} rounds over {@code clients} threads; each round times every call once,
	 * starting with a different one from round to round. Returns a series per call.
	 */
	private Series[] series(int clients, List<Call> calls) throws Exception {
		for (int i = 0; i < this.settings.warmup() / 20; i++) {
			for (Call call : calls) {
				call.call();
			}
		}
		int runs = Math.max(this.settings.runs(), clients);
		int n = calls.size();
		double[][] times = new double[n][runs];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger[] errors = Stream.generate(AtomicInteger::new).limit(n).toArray(AtomicInteger[]::new);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				workers.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < runs; i = next.getAndIncrement()) {
						for (int k = 0; k < n; k++) {
							int which = (i + k) % n;
							time(calls.get(which), times[which], errors[which], i);
						}
					}
					this.http.remove();
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		Series[] series = new Series[n];
		for (int k = 0; k < n; k++) {
			series[k] = summary(times[k], clients, errors[k].get());
		}
		return series;
	}

	private static void time(Call call, double[] times, AtomicInteger errors, int i) throws Exception {
		long start = System.nanoTime();
		if (call.call() != null) {
			errors.incrementAndGet();
		}
		times[i] = (System.nanoTime() - start) / 1e6;
	}

	private static Series summary(double[] times, int clients, int errors) {
		double mean = Arrays.stream(times).average().orElse(Double.NaN);
		Arrays.sort(times);
		int runs = times.length;
		return new Series(times[runs / 2], times[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)],
				clients * 1000 / mean, errors);
	}

	static String machine() {
		Runtime runtime = Runtime.getRuntime();
		String load = "";
		try {
			load = ", load average " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " at the end";
		}
		catch (Exception ex) {
			// not Linux
		}
		return runtime.availableProcessors() + " cores, " + System.getProperty("os.name") + " "
				+ System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + ", max heap "
				+ runtime.maxMemory() / (1 << 20) + " MiB" + load + ".";
	}

}
