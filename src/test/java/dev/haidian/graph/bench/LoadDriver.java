package dev.haidian.graph.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;

import dev.haidian.graph.support.StatementCounter;

/**
 * A closed-loop load driver: each headline GraphQL request over HTTP, and in the same run the Cypher statement
 * the service sent for it (captured from the driver) straight through the Java driver, at 1 and at N concurrent
 * clients; p50, p99, throughput and Cypher statements per request, as a Markdown report.
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

	/** How much to run: warm-up and timed requests per client count. */
	record Settings(int warmup, int runs, List<Integer> clients) {

		static Settings fromSystemProperties() {
			return new Settings(Integer.getInteger("bench.warmup", 200), Integer.getInteger("bench.runs", 1000),
					Arrays.stream(System.getProperty("bench.clients", "1,16").split(",")).map(Integer::valueOf).toList());
		}

	}

	/** Latencies of one series. */
	record Series(double p50, double p99, double perSecond, int errors) {
	}

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI endpoint;

	private final Driver driver;

	private final StatementCounter statements;

	private final Settings settings;

	LoadDriver(int port, Driver driver, StatementCounter statements, Settings settings) {
		this.endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
		this.driver = driver;
		this.statements = statements;
		this.settings = settings;
	}

	/** Runs every query and returns the report; writes it to {@code report}. */
	@SuppressWarnings("unchecked")
	String run(String scale, String command, Path report) throws Exception {
		StringBuilder table = new StringBuilder();
		table.append("| query | Cypher statements / request | clients | GraphQL p50 (ms) | GraphQL p99 (ms) | GraphQL req/s | driver p50 (ms) | driver p99 (ms) | driver req/s | p50 ratio | errors |\n");
		table.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
		// -Dbench.queries=firmsNear,companies runs only the queries whose names contain one of these.
		List<String> only = Arrays.stream(System.getProperty("bench.queries", "").split(",")).filter(q -> !q.isBlank()).toList();
		for (var query : QUERIES.entrySet()) {
			if (!only.isEmpty() && only.stream().noneMatch(query.getKey()::contains)) {
				continue;
			}
			String body = tools.jackson.databind.json.JsonMapper.builder().build()
				.writeValueAsString(Map.of("query", query.getValue()));
			HttpRequest request = HttpRequest.newBuilder(this.endpoint)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			long before = this.statements.count();
			String first = graphQl(request);
			long perRequest = this.statements.count() - before;
			Object[] sent = (perRequest > 0) ? this.statements.last() : new Object[] { "", Map.of() };
			String cypher = (String) sent[0];
			Map<String, Object> parameters = (sent.length > 1) ? (Map<String, Object>) sent[1] : Map.of();
			if (first != null) {
				table.append("| ").append(query.getKey()).append(" | failed: ")
					.append(first.replace("|", "/").substring(0, Math.min(200, first.length()))).append(" |||||||||\n");
				continue;
			}
			for (int clients : this.settings.clients()) {
				Series viaGraphQl = series(clients, () -> graphQl(request));
				if (perRequest == 0) {
					table.append(String.format(Locale.ROOT, "| %s | 0 | %d | %.2f | %.2f | %.0f | – | – | – | – | %d |%n",
							query.getKey(), clients, viaGraphQl.p50(), viaGraphQl.p99(), viaGraphQl.perSecond(),
							viaGraphQl.errors()));
					continue;
				}
				Series viaDriver = series(clients, () -> {
					try (Session session = this.driver.session()) {
						session.executeRead(tx -> tx.run(cypher, parameters).list(Record::asMap), TransactionConfig.empty());
					}
					return null;
				});
				table.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %.0f | %.2f | %.2f | %.0f | %.2f | %d |%n",
						query.getKey(), perRequest, clients, viaGraphQl.p50(), viaGraphQl.p99(), viaGraphQl.perSecond(),
						viaDriver.p50(), viaDriver.p99(), viaDriver.perSecond(), viaGraphQl.p50() / viaDriver.p50(),
						viaGraphQl.errors() + viaDriver.errors()));
			}
			write(scale, command, report, table);
		}
		return write(scale, command, report, table);
	}

	/** Writes the report so far (after every query, so a long run that is stopped still leaves its figures). */
	private String write(String scale, String command, Path report, CharSequence table) throws java.io.IOException {
		String text = "# Headline query benchmark (" + scale + ")\n\n" + LocalDate.now() + ". GraphQL over HTTP versus the "
				+ "statement the service sent, run through the Java driver in a read transaction.\n\n" + table + "\n"
				+ "Per query and client count: " + this.settings.warmup() + " warm-up requests, then " + this.settings.runs()
				+ " timed requests shared by the clients (closed loop). p50 ratio = GraphQL p50 / driver p50.\n\n"
				+ "Command: `" + command + "`\n\nMachine: " + machine() + "\n";
		Files.createDirectories(report.toAbsolutePath().getParent());
		Files.writeString(report, text);
		return text;
	}

	/** Returns null when the response is a GraphQL answer without errors, else what went wrong. */
	private String graphQl(HttpRequest request) throws Exception {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
			return response.statusCode() + " " + response.body();
		}
		return null;
	}

	interface Call {

		/** Performs one request; returns null on success, else the error. */
		String call() throws Exception;

	}

	private Series series(int clients, Call call) throws Exception {
		for (int i = 0; i < this.settings.warmup(); i++) {
			call.call();
		}
		int runs = Math.max(this.settings.runs(), clients);
		double[] times = new double[runs];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long started = System.nanoTime();
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				workers.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < runs; i = next.getAndIncrement()) {
						long start = System.nanoTime();
						if (call.call() != null) {
							errors.incrementAndGet();
						}
						times[i] = (System.nanoTime() - start) / 1e6;
					}
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
		double seconds = (System.nanoTime() - started) / 1e9;
		Arrays.sort(times);
		return new Series(times[runs / 2], times[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)], runs / seconds,
				errors.get());
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
