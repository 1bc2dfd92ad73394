package dev.haidian.graph.http;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/** GraphQL over HTTP as its specification describes it: media types, GET for queries, status codes. */
class GraphQlHttpTests extends ServiceTest {

	@Autowired
	private ApplicationContext context;

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder post(String body, String accept) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private HttpRequest.Builder getQuery(String query) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql?query="
				+ URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20")));
	}

	@Test
	void queriesWorkOverGetAndAnswerWithTheGraphQlResponseMediaType() throws Exception {
		var response = send(getQuery("{ entity(name: \"月之暗面\") { id } }"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow())
			.startsWith("application/graphql-response+json");
		assertThat(response.body()).contains("\"id\":\"moonshot-ai\"");
	}

	@Test
	void mutationsOverGetAreNotAllowed() throws Exception {
		var response = send(getQuery("mutation { loadSeed { errors { message } } }"));
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).contains("POST");
	}

	@Test
	void malformedRequestsAre400() throws Exception {
		assertThat(send(post("{not json", "application/graphql-response+json")).statusCode()).isEqualTo(400);
		var invalid = send(post("{\"query\": \"{ nope }\"}", "application/graphql-response+json"));
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.body()).contains("nope");
		assertThat(send(getQuery("{ nope")).statusCode()).isEqualTo(400);
	}

	@Test
	void legacyJsonClientsGet200WithErrors() throws Exception {
		var response = send(post("{\"query\": \"{ nope }\"}", "application/json"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
	}

	/** The media type of a POST's answer, as Spring for GraphQL chooses it (GraphQlPostEndpoint answers most POSTs itself). */
	@ParameterizedTest(name = "Accept: {0} → {1}")
	@CsvSource(delimiter = '|', nullValues = "none", value = { "none | application/json",
			"*/* | application/json", "application/json | application/json",
			"application/graphql-response+json | application/graphql-response+json",
			"'text/html, application/graphql-response+json' | application/graphql-response+json",
			"'application/json, application/graphql-response+json' | application/json" })
	void postAnswersInTheAcceptedMediaType(String accept, String expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ entity(name: \\\"月之暗面\\\") { id } }\"}"));
		if (accept != null) {
			request.header("Accept", accept);
		}
		var response = send(request);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(expected);
		assertThat(response.body()).isEqualTo("{\"data\":{\"entity\":{\"id\":\"moonshot-ai\"}}}");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "{\"query\": 5}", "{\"query\": \"\"}", "[]", "{\"query\": \"{ __typename }\", \"variables\": [1]}",
			"{\"query\": \"{ __typename }\", \"operationName\": 3}" })
	void aBodyThatIsNotAGraphQlRequestIs400(String body) throws Exception {
		var response = send(post(body, "application/graphql-response+json"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void aJsonContentTypeWithACharsetIsAnsweredAndAnotherContentTypeIsNot() throws Exception {
		var utf8 = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json; charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}")));
		assertThat(utf8.body()).isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
		var text = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}")));
		assertThat(text.statusCode()).isEqualTo(415);
	}

	@Test
	void tooDeepQueriesAreRefusedNamingTheLimit() throws Exception {
		String deep = "{ entity(name: \\\"DeepSeek\\\") { " + "relations { node { ".repeat(7) + "id" + " } }".repeat(7)
				+ " } }";
		for (int attempt = 0; attempt < 3; attempt++) { // refused every time, not only before anything is remembered
			var response = send(post("{\"query\": \"" + deep + "\"}", "application/json"));
			assertThat(response.body()).containsIgnoringCase("depth").doesNotContain("Exception").doesNotContain("at org.");
		}
	}

	@Test
	void theSameDocumentWithOtherVariablesGetsItsOwnAnswer() throws Exception {
		String query = "query($n: String!) { entity(name: $n) { id ... on Company { name } } }";
		for (String[] nameAndId : new String[][] { { "月之暗面", "moonshot-ai" }, { "浙江大学", "zhejiang-university" },
				{ "月之暗面", "moonshot-ai" } }) {
			var response = send(post("{\"query\": \"" + query.replace("\"", "\\\"") + "\", \"variables\": {\"n\": \""
					+ nameAndId[0] + "\"}}", "application/json"));
			assertThat(response.body()).contains("\"id\":\"" + nameAndId[1] + "\"");
		}
	}

	@Test
	void answersCarryProtectiveHeaders() throws Exception {
		var response = send(post("{\"query\": \"{ __typename }\"}", "application/json"));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
	}

	@Test
	void whileTheServiceRefusesTrafficGraphQlAnswers503AndNothingRuns() throws Exception {
		long before = this.statements.count();
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		try {
			var refused = send(post("{\"query\": \"{ entity(name: \\\"月之暗面\\\") { id } }\"}",
					"application/graphql-response+json"));
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).contains("2");
			assertThat(refused.body()).contains("shutting down");
			assertThat(this.statements.count() - before).as("Cypher statements").isZero();
			assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
		}
		finally {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		assertThat(send(getQuery("{ entity(name: \"月之暗面\") { id } }")).body()).contains("moonshot-ai");
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

}
