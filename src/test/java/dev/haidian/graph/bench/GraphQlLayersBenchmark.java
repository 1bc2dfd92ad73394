package dev.haidian.graph.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.http.HttpHeaders;

import dev.haidian.graph.query.CypherRunner;
import dev.haidian.graph.query.GraphReader;

/**
 * Where a GraphQL request's time goes beyond its Cypher statement: the same answer five ways, interleaved in one
 * JVM so that all see the same JIT state and machine load. (1) the statement the service sent, through the
 * driver; (2) the same statement through the service's own runner ({@link CypherRunner}: in-process with the
 * embedded Neo4j), which is how the service runs it; (3) the document executed in-process by Spring for GraphQL's
 * {@link ExecutionGraphQlService}; (4) the same through {@link WebGraphQlHandler} with the answer written as JSON,
 * which is what the POST endpoint does; (5) over HTTP. Not a test: {@code ./mvnw -Pbenchmark verify -Dtest=GraphQlLayersBenchmark}, options as for
 * {@link HeadlineLatencyBenchmark} ({@code bench.queries}, {@code bench.warmup}, {@code bench.runs}, and the
 * store). Writes {@code target/benchmark-layers.md}.
 */
class GraphQlLayersBenchmark extends ServiceBenchmark {

	private static final String[] LAYERS = { "driver", "the service's statement runner",
			"GraphQL in-process (ExecutionGraphQlService)", "WebGraphQlHandler + JSON", "over HTTP" };

	@Autowired
	ExecutionGraphQlService service;

	@Autowired
	WebGraphQlHandler webHandler;

	private interface Call {

		void call() throws Exception;

	}

	@Test
	void sameAnswerFiveWays() throws Exception {
		List<String> only = Arrays.stream(System.getProperty("bench.queries", "firmsNear,cityLinks,paths,entity,companies")
			.split(",")).filter(q -> !q.isBlank()).toList();
		int warmup = Integer.getInteger("bench.warmup", 20000);
		int runs = Integer.getInteger("bench.runs", 4000);
		JsonMapper json = JsonMapper.shared();
		StringBuilder report = new StringBuilder("# Where the GraphQL time goes (p50, ms)\n\n")
			.append(LocalDate.now()).append(". Store: ")
			.append(System.getProperty("bench.data-directory", "seed graph (ephemeral)"))
			.append(". Per query ").append(warmup).append(" warm-up calls, then ").append(runs)
			.append(" rounds of the ").append(LAYERS.length).append(" ways in rotating order.\n\n| query | ")
			.append(String.join(" | ", LAYERS)).append(" |\n|---").append("|---".repeat(LAYERS.length)).append("|\n");
		try (RawHttpClient http = new RawHttpClient(this.port)) {
			for (var query : LoadDriver.QUERIES.entrySet()) {
				if (query.getValue().equals("{ __typename }")
						|| only.stream().noneMatch(name -> query.getKey().contains(name))) {
					continue;
				}
				String document = query.getValue();
				byte[] body = json.writeValueAsBytes(Map.of("query", document));
				RawHttpClient.Response first = http.post("/graphql", body, "");
				if (first.status() != 200) {
					throw new IllegalStateException(query.getKey() + ": " + first.body());
				}
				List<Call> calls = ways(document, body, http, this.statements.last());
				double[] p50 = measure(calls, warmup, runs);
				report.append("| ").append(query.getKey());
				for (double value : p50) {
					report.append(" | ").append(String.format("%.2f", value));
				}
				report.append(" |\n");
			}
		}
		report.append("\nCommand: `").append(LoadDriver.command("GraphQlLayersBenchmark")).append("`\n");
		Files.writeString(Path.of("target/benchmark-layers.md"), report);
		System.out.println("\n" + report);
	}

	@SuppressWarnings("unchecked")
	private List<Call> ways(String document, byte[] body, RawHttpClient http, Object[] sent) {
		String cypher = (String) sent[0];
		Map<String, Object> parameters = (Map<String, Object>) sent[1];
		CypherRunner bolt = GraphReader.overBolt(this.driver);
		Call driver = () -> bolt.run(cypher, parameters, false, this.limits.timeout());
		CypherRunner runner = this.runner.getIfAvailable(() -> bolt);
		Call statement = () -> runner.run(cypher, parameters, false, this.limits.timeout());
		Call inProcess = () -> {
			var response = this.service.execute(new DefaultExecutionGraphQlRequest(document, null, null, null, "1", null))
				.block(Duration.ofSeconds(10));
			if (!response.getErrors().isEmpty()) {
				throw new IllegalStateException(response.getErrors().toString());
			}
		};
		Call web = () -> {
			var response = this.webHandler.handleRequest(new WebGraphQlRequest(URI.create("http://localhost/graphql"),
					new HttpHeaders(), null, null, Map.of(), Map.of("query", document), "1", null))
				.block(Duration.ofSeconds(10));
			JsonMapper.shared().writeValueAsBytes(response.toMap());
		};
		Call overHttp = () -> {
			RawHttpClient.Response response = http.post("/graphql", body, "");
			if (response.status() != 200) {
				throw new IOException(response.body());
			}
		};
		return List.of(driver, statement, inProcess, web, overHttp);
	}

	private static double[] measure(List<Call> calls, int warmup, int runs) throws Exception {
		int ways = calls.size();
		for (int i = 0; i < warmup; i++) {
			calls.get(i % ways).call();
		}
		double[][] millis = new double[ways][runs];
		for (int i = 0; i < runs; i++) {
			for (int k = 0; k < ways; k++) {
				int way = (i + k) % ways;
				long start = System.nanoTime();
				calls.get(way).call();
				millis[way][i] = (System.nanoTime() - start) / 1e6;
			}
		}
		double[] p50 = new double[ways];
		for (int k = 0; k < ways; k++) {
			Arrays.sort(millis[k]);
			p50[k] = millis[k][runs / 2];
		}
		return p50;
	}

}
