package dev.haidian.graph.curation;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Curated writes: credentials, validation naming the field, provenance, retraction. */
class CurationTests extends ServiceTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@AfterEach
	void removeTestData() {
		this.driver.executableQuery("MATCH (n:Entity) WHERE n.id STARTS WITH 'test-' DETACH DELETE n").execute();
	}

	HttpResponse<String> graphQl(String query, Map<String, Object> variables, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String secret(String credential) {
		return credential.substring(credential.indexOf(':') + 1);
	}

	static String basic(String credential) {
		return "Basic " + Base64.getEncoder().encodeToString(credential.getBytes());
	}

	static final String UPSERT = """
			mutation($input: UpsertEntityInput!) {
			  upsertEntity(input: $input) { created entity { id name nameZh type } errors { field message } }
			}""";

	static final Map<String, Object> FIRM = Map.of("id", "test-firm", "type", "Company", "name", "Test Firm",
			"nameZh", "测试公司", "aliases", List.of("ＴＦ Labs"));

	long nodes() {
		return this.driver.executableQuery("MATCH (n) RETURN count(n) AS n").execute().records().getFirst().get("n").asLong();
	}

	@Test
	void writesWithoutOrWithWrongCredentialsAreRefusedAndStoreNothing() throws Exception {
		long before = nodes();
		var anonymous = graphQl(UPSERT, Map.of("input", FIRM));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).doesNotContain("tester").doesNotContain("secret");
		assertThat(graphQl(UPSERT, Map.of("input", FIRM), "X-API-Key", "not-the-right-secret-at-all").statusCode())
			.isEqualTo(401);
		assertThat(graphQl(UPSERT, Map.of("input", FIRM), "Authorization", basic("tester:wrong-password-0000000"))
			.statusCode()).isEqualTo(401);
		assertThat(graphQl(UPSERT, Map.of("input", FIRM), "X-API-Key", secret(READER)).statusCode()).isEqualTo(403);
		assertThat(nodes()).isEqualTo(before);
	}

	@Test
	void aWriterStoresAnEntityWithAuthorAndTime() throws Exception {
		var response = graphQl(UPSERT, Map.of("input", FIRM), "Authorization", basic(WRITER));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode payload = JSON.readTree(response.body()).path("data").path("upsertEntity");
		assertThat(payload.path("created").asBoolean()).isTrue();
		assertThat(payload.path("errors").size()).isZero();
		Record stored = this.driver
			.executableQuery("MATCH (n:Company {id: 'test-firm'}) RETURN n.createdBy AS by, n.createdAt AS at, n.nameKeys AS keys")
			.execute()
			.records()
			.getFirst();
		assertThat(stored.get("by").asString()).isEqualTo("tester");
		assertThat(stored.get("at").isNull()).isFalse();
		assertThat(stored.get("keys").asList(v -> v.asString())).contains("tflabs", "testfirm", "测试公司");
		this.graphQl.documentName("entityByName").variable("name", "tf labs").execute().path("entity.id").entity(String.class)
			.isEqualTo("test-firm");
	}

	@Test
	void invalidInputComesBackAsFieldErrorsAndStoresNothing() throws Exception {
		long before = nodes();
		var response = graphQl(UPSERT,
				Map.of("input", Map.of("id", "Test Firm!", "type", "Building", "name", "x", "nameZh", "")),
				"X-API-Key", secret(WRITER));
		JsonNode errors = JSON.readTree(response.body()).path("data").path("upsertEntity").path("errors");
		assertThat(errors.findValuesAsString("field")).contains("input.id", "input.nameZh", "input.location");
		assertThat(nodes()).isEqualTo(before);
	}

	static final String ASSERT = """
			mutation($input: AssertRelationshipInput!) {
			  assertRelationship(input: $input) {
			    relation { id type node { id } evidence { quote source { id } } retracted }
			    errors { field message }
			  }
			}""";

	static final String RETRACT = """
			mutation($input: RetractRelationshipInput!) {
			  retractRelationship(input: $input) { relation { id retracted retractionReason } errors { field message } }
			}""";

	@Test
	void aRelationshipNeedsEvidenceFromAKnownSourceAndCanBeRetracted() throws Exception {
		graphQl(UPSERT, Map.of("input", FIRM), "X-API-Key", secret(WRITER));
		var unknownSource = graphQl(ASSERT, Map.of("input", Map.of("from", "test-firm", "type", "LOCATED_IN", "to",
				"jd-technology-building", "source", "no-such-source", "quote", "测试公司位于京东科技大厦")),
				"X-API-Key", secret(WRITER));
		assertThat(JSON.readTree(unknownSource.body()).findValuesAsString("field")).containsExactly("input.source");
		var asserted = graphQl(ASSERT, Map.of("input", Map.of("from", "test-firm", "type", "LOCATED_IN", "to",
				"jd-technology-building", "source", "21jingji-2025-02-22", "quote", "测试公司位于京东科技大厦")),
				"X-API-Key", secret(WRITER));
		JsonNode relation = JSON.readTree(asserted.body()).path("data").path("assertRelationship").path("relation");
		assertThat(relation.path("id").asString()).isEqualTo("test-firm>LOCATED_IN>jd-technology-building");
		assertThat(relation.path("evidence").get(0).path("quote").asString()).isEqualTo("测试公司位于京东科技大厦");
		this.graphQl.documentName("companies")
			.variable("filter", Map.of("area", "京东科技大厦"))
			.execute()
			.path("companies.edges[*].node.id")
			.entityList(String.class)
			.contains("test-firm");
		var retracted = graphQl(RETRACT, Map.of("input", Map.of("id", relation.path("id").asString(), "reason",
				"test of retraction")), "X-API-Key", secret(WRITER));
		assertThat(JSON.readTree(retracted.body()).path("data").path("retractRelationship").path("relation")
			.path("retracted").asBoolean()).isTrue();
		this.graphQl.documentName("companies")
			.variable("filter", Map.of("area", "京东科技大厦"))
			.execute()
			.path("companies.edges[*].node.id")
			.entityList(String.class)
			.doesNotContain("test-firm");
		Record kept = this.driver.executableQuery(
				"MATCH (:Entity {id: 'test-firm'})-[r]->() RETURN r.retracted AS retracted, r.retractedBy AS by")
			.execute()
			.records()
			.getFirst();
		assertThat(kept.get("retracted").asBoolean()).isTrue();
		assertThat(kept.get("by").asString()).isEqualTo("tester");
	}


	@Test
	void retractingAnUnknownOrMalformedIdNamesTheIdAndChangesNothing() throws Exception {
		long before = this.driver.executableQuery("MATCH ()-[r]->() WHERE r.retracted RETURN count(r) AS n")
			.execute().records().getFirst().get("n").asLong();
		var unknown = graphQl(RETRACT, Map.of("input", Map.of("id", "moonshot-ai>LOCATED_IN>nowhere-at-all", "reason",
				"test")), "X-API-Key", secret(WRITER));
		assertThat(JSON.readTree(unknown.body()).path("data").path("retractRelationship").path("errors").get(0)
			.path("message").asString()).isEqualTo("no relationship has the id 'moonshot-ai>LOCATED_IN>nowhere-at-all'");
		var malformed = graphQl(RETRACT, Map.of("input", Map.of("id", "moonshot-ai LOCATED_IN", "reason", "test")),
				"X-API-Key", secret(WRITER));
		JsonNode error = JSON.readTree(malformed.body()).path("data").path("retractRelationship").path("errors").get(0);
		assertThat(error.path("field").asString()).isEqualTo("input.id");
		assertThat(error.path("message").asString()).contains("is not a relationship id", "from>TYPE>to");
		long after = this.driver.executableQuery("MATCH ()-[r]->() WHERE r.retracted RETURN count(r) AS n")
			.execute().records().getFirst().get("n").asLong();
		assertThat(after).isEqualTo(before);
	}

}
