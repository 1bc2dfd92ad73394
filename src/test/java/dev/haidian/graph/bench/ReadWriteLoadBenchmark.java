package dev.haidian.graph.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load run: 50 concurrent clients for 60 s against the embedded service, four reads to one write, then a
 * check that every acknowledged write is in the graph. Not a test: {@code ./mvnw -Pbenchmark verify}
 * ({@code -Dload.clients=… -Dload.seconds=…} to change the shape); prints figures and writes
 * {@code target/benchmark-load.md}.
 */
@Tag("benchmark")
class ReadWriteLoadBenchmark extends ServiceTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final List<String> READS = List.of("{ entity(name: \"月之暗面\") { id relations(first: 5) { type } } }",
			"{ firmsNear(place: \"清华大学\", withinKm: 1.5) { totalCount edges { node { id } } } }",
			"{ search(text: \"清华\") { id } }", "{ companies(first: 10) { totalCount edges { node { id } } } }",
			"{ paths(from: \"浙江大学\", to: \"海淀区\") { length } }");

	static final String UPSERT = "mutation($id: ID!) { upsertEntity(input: {id: $id, type: \"Company\", name: "
			+ "\"Load test firm\", nameZh: \"负载测试公司\"}) { entity { id } errors { message } } }";

	static final String ASSERT = "mutation($id: ID!, $to: ID!) { assertRelationship(input: {from: $id, type: \"LOCATED_IN\", "
			+ "to: $to, source: \"21jingji-2025-02-22\", quote: \"负载测试\"}) { relation { id } errors { message } } }";

	/** Where the written firms are placed: analysts' facts spread over the graph, not all onto one node. */
	static final List<String> PLACES = List.of("haidian-district", "wudaokou", "zhongguancun-east-zone", "tsinghua-science-park",
			"rongke-information-center", "jd-technology-building", "sohu-building", "kejian-building", "beijing",
			"hangzhou");

	@Test
	void fiftyClientsMixingReadsAndWritesForAMinute() throws Exception {
		int clients = Integer.getInteger("load.clients", 50);
		int seconds = Integer.getInteger("load.seconds", 60);
		HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
		String key = WRITER.substring(WRITER.indexOf(':') + 1);
		AtomicLong reads = new AtomicLong();
		AtomicLong writes = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		long end = System.currentTimeMillis() + seconds * 1000L;
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			for (int c = 0; c < clients; c++) {
				int client = c;
				pool.submit(() -> {
					int n = 0;
					while (System.currentTimeMillis() < end) {
						boolean write = ThreadLocalRandom.current().nextInt(5) == 0;
						String id = "test-load-" + client + "-" + (n++);
						try {
							long t = System.nanoTime();
							if (write) {
								String upsert = post(http, UPSERT, Map.of("id", id), key);
								String to = PLACES.get(ThreadLocalRandom.current().nextInt(PLACES.size()));
								String asserted = post(http, ASSERT, Map.of("id", id, "to", to), key);
								if (upsert.contains("\"id\":\"" + id + "\"") && asserted.contains(id + ">LOCATED_IN")) {
									acknowledged.add(id);
									writes.incrementAndGet();
								}
								else {
									errors.incrementAndGet();
									failures.add(upsert + " / " + asserted);
								}
							}
							else {
								String body = post(http, READS.get(n % READS.size()), Map.of(), null);
								if (body.contains("\"errors\"") || !body.contains("\"data\"")) {
									errors.incrementAndGet();
									failures.add(body);
								}
								reads.incrementAndGet();
							}
							latencies.add(System.nanoTime() - t);
						}
						catch (Exception ex) {
							errors.incrementAndGet();
							failures.add(ex.toString());
						}
					}
					return null;
				});
			}
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		long missing = acknowledged.stream()
			.filter(id -> this.driver.executableQuery("MATCH (:Company {id: $id})-[:LOCATED_IN]->(:Entity) RETURN count(*) AS n")
				.withParameters(Map.of("id", id))
				.execute()
				.records()
				.getFirst()
				.get("n")
				.asLong() != 1)
			.count();
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		String report = """
				| clients | seconds | reads | writes (upsert + assert) | requests/s | p50 ms | p99 ms | errors | acknowledged writes missing |
				|---|---|---|---|---|---|---|---|---|
				| %d | %.0f | %d | %d | %.0f | %.1f | %.1f | %d | %d |

				Command: ./mvnw -Pbenchmark verify (embedded service, seed graph, %d cores, Java %s).
				""".formatted(clients, elapsed, reads.get(), writes.get(), (reads.get() + 2 * writes.get()) / elapsed,
				sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, errors.get(), missing,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		System.out.println("\n" + report + (failures.isEmpty() ? "" : "first failures: " + new ArrayList<>(failures).subList(0, Math.min(5, failures.size()))));
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/benchmark-load.md"), report);
		this.driver.executableQuery("MATCH (n:Entity) WHERE n.id STARTS WITH 'test-load-' DETACH DELETE n").execute();
		assertThat(errors.get()).as("errors").isZero();
		assertThat(missing).as("acknowledged writes missing").isZero();
	}

	private String post(HttpClient http, String query, Map<String, Object> variables, String key) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
		if (key != null) {
			request.header("X-API-Key", key);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return response.body();
	}


}
