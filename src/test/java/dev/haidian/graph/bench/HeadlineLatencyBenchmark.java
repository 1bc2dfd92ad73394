package dev.haidian.graph.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;

import dev.haidian.graph.support.ServiceTest;

/**
 * Median latency of each headline GraphQL request over HTTP next to the same Cypher (the statement the service
 * sent, captured from the driver) run straight through the driver, on the seed graph. Not a test: run with
 * {@code ./mvnw -Pbenchmark verify}; prints a table and writes {@code target/benchmark-headline.md}.
 */
@Tag("benchmark")
class HeadlineLatencyBenchmark extends ServiceTest {

	static final int WARMUP = 300;

	static final int RUNS = 1000;

	static final Map<String, String> QUERIES = new LinkedHashMap<>();
	static {
		QUERIES.put("firmsNear(清华大学, 1.5 km)",
				"{ firmsNear(place: \\\"清华大学\\\", withinKm: 1.5) { totalCount edges { distanceKm node { id name } via { id name } } } }");
		QUERIES.put("cityLinks(北京, 杭州)",
				"{ cityLinks(cityA: \\\"北京\\\", cityB: \\\"杭州\\\") { entity { id name } summary paths { length relations { type node { id } evidence { quote } } } } }");
		QUERIES.put("paths(浙江大学, 海淀区)",
				"{ paths(from: \\\"浙江大学\\\", to: \\\"海淀区\\\") { length nodes { id } relations { type evidence { quote } } } }");
		QUERIES.put("entity(月之暗面)",
				"{ entity(name: \\\"月之暗面\\\") { id name relations { type node { id } evidence { quote } } } }");
	}

	@Test
	@SuppressWarnings("unchecked")
	void medianLatencyGraphQlVersusDriver() throws Exception {
		StringBuilder report = new StringBuilder("| query | GraphQL over HTTP p50 (ms) | same Cypher via driver p50 (ms) | ratio |\n|---|---|---|---|\n");
		for (var query : QUERIES.entrySet()) {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + query.getValue() + "\"}"))
				.build();
			double graphQl = median(() -> {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
					throw new IllegalStateException(response.body());
				}
			});
			Object[] sent = this.statements.last();
			String cypher = (String) sent[0];
			Map<String, Object> parameters = (Map<String, Object>) sent[1];
			double driver = median(() -> {
				try (Session session = this.driver.session()) {
					session.executeRead(tx -> tx.run(cypher, parameters).list(Record::asMap),
							TransactionConfig.empty());
				}
			});
			report.append("| %s | %.2f | %.2f | %.2f |%n".formatted(query.getKey(), graphQl, driver, graphQl / driver));
		}
		report.append("\n").append(RUNS).append(" runs after ").append(WARMUP).append(" warm-up runs each, one client, ")
			.append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(System.getProperty("java.version"))
			.append(".\n");
		System.out.println("\n" + report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/benchmark-headline.md"), report);
	}

	interface Run {

		void run() throws Exception;

	}

	static double median(Run run) throws Exception {
		for (int i = 0; i < WARMUP; i++) {
			run.run();
		}
		double[] times = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			run.run();
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(times);
		return times[RUNS / 2];
	}


}
