package dev.haidian.graph.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken input, generated and hand-written: each request gets a 4xx or a GraphQL error (never a
 * 5xx, never a stack trace) and leaves the graph's node and relationship counts as they were.
 */
class HostileInputTests extends ServiceTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final List<String> STRINGS = List.of("'}) DETACH DELETE n //", "\"}) MATCH (n) DETACH DELETE n //",
			"` MATCH (n) DETACH DELETE n //", "`}) DETACH DELETE n //", "$p0", "$key", "${jndi:ldap://127.0.0.1/x}",
			"\\u0027}) DETACH DELETE n //", "' OR '1'='1", "x\u0000y", "\u0007\u001b[31mred", "🙂🙃 emoji",
			"A".repeat(5000), "", " ", "\n\t\r", "*", "~", "\\", "\"", "'", "`", "*/ MATCH (n) DELETE n /*",
			"CALL db.index.fulltext.queryNodes('Entity_names', '*') YIELD node DETACH DELETE node",
			") OR 1=1 //", "<script>alert(1)</script>", "../../etc/passwd", "%00%27", "NaN", "null", "清华大学' OR ''='",
			"((((((", "[a-z", "name:* AND nameZh:*", "AND OR NOT", "\u202Eevil\u202C", "\uFEFFbom");

	/** Query and mutation templates with one string variable $s; mutations carry the writer credential. */
	static final Map<String, String> TEMPLATES = Map.ofEntries(
			Map.entry("entity.name", "query($s: String!) { entity(name: $s) { id } }"),
			Map.entry("search.text", "query($s: String!) { search(text: $s) { id } }"),
			Map.entry("search.types", "query($s: String!) { search(text: \"清华\", types: [$s]) { id } }"),
			Map.entry("firmsNear.place", "query($s: String!) { firmsNear(place: $s, withinKm: 1.5) { totalCount } }"),
			Map.entry("cityLinks.cityA", "query($s: String!) { cityLinks(cityA: $s, cityB: \"杭州\") { summary } }"),
			Map.entry("paths.to", "query($s: String!) { paths(from: \"浙江大学\", to: $s) { length } }"),
			Map.entry("companies.filter.name", "query($s: String) { companies(filter: {name: $s}) { totalCount } }"),
			Map.entry("companies.filter.area", "query($s: String) { companies(filter: {area: $s}) { totalCount } }"),
			Map.entry("companies.after", "query($s: String) { companies(after: $s) { totalCount } }"),
			Map.entry("relations.types",
					"query($s: String!) { entity(name: \"DeepSeek\") { relations(types: [$s]) { type } } }"),
			Map.entry("upsertEntity.id", "mutation($s: ID!) { upsertEntity(input: {id: $s, type: \"Company\", "
					+ "name: \"x\", nameZh: \"x\"}) { errors { field } } }"),
			Map.entry("assertRelationship.type", "mutation($s: String!) { assertRelationship(input: {from: "
					+ "\"deepseek\", type: $s, to: \"hangzhou\", source: \"21jingji-2025-02-22\", quote: \"q\"}) "
					+ "{ errors { field } } }"),
			Map.entry("retractRelationship.id",
					"mutation($s: ID!) { retractRelationship(input: {id: $s, reason: \"r\"}) { errors { field } } }"),
			Map.entry("addSource.id", "mutation($s: ID!) { addSource(input: {id: $s, title: \"t\", publisher: "
					+ "\"p\"}) { errors { field } } }"));

	record Case(String name, String method, String contentType, byte[] body, String queryString, boolean writer) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Arguments> cases() {
		List<Case> cases = new ArrayList<>();
		TEMPLATES.forEach((target, template) -> {
			for (int i = 0; i < STRINGS.size(); i++) {
				if (target.endsWith(".id") && STRINGS.get(i).matches("[a-z0-9]+(?:-[a-z0-9]+)*")) {
					continue; // a well-formed id ("null") is legitimately stored, not hostile there
				}
				String body = JSON.writeValueAsString(Map.of("query", template, "variables", Map.of("s", STRINGS.get(i))));
				cases.add(new Case(target + " #" + i, "POST", "application/json", body.getBytes(StandardCharsets.UTF_8),
						null, template.startsWith("mutation")));
			}
		});
		String deep = "{ entity(name: \"DeepSeek\") { " + "relations { node { ".repeat(30) + "id" + " } }".repeat(30)
				+ " } }";
		StringBuilder aliases = new StringBuilder("{ ");
		for (int i = 0; i < 200; i++) {
			aliases.append("a").append(i).append(": entity(name: \"DeepSeek\") { id } ");
		}
		aliases.append("}");
		Map<String, String> queries = Map.ofEntries(Map.entry("deep nesting", deep),
				Map.entry("alias bomb", aliases.toString()),
				Map.entry("huge first", "{ companies(first: 1000000) { totalCount } }"),
				Map.entry("negative first", "{ companies(first: -1) { totalCount } }"),
				Map.entry("zero first", "{ firmsNear(place: \"清华大学\", withinKm: 1, first: 0) { totalCount } }"),
				Map.entry("int overflow", "{ companies(first: 99999999999999999999) { totalCount } }"),
				Map.entry("wrong type", "{ firmsNear(place: \"清华大学\", withinKm: \"far\") { totalCount } }"),
				Map.entry("unknown field", "{ entity(name: \"DeepSeek\") { password } }"),
				Map.entry("unknown argument", "{ entity(name: \"DeepSeek\", cypher: \"MATCH (n) DELETE n\") { id } }"),
				Map.entry("fragment cycle", "query { ...A } fragment A on Query { ...A }"),
				Map.entry("syntax error", "{ entity(name: \"DeepSeek\" { id }"),
				Map.entry("many hops", "{ paths(from: \"浙江大学\", to: \"海淀区\", maxHops: 100) { length } }"),
				Map.entry("huge radius", "{ firmsNear(place: \"清华大学\", withinKm: 1e308) { totalCount } }"),
				Map.entry("mutation without credential", "mutation { loadSeed(input: {force: true}) { errors { message } } }"),
				Map.entry("introspection depth", "{ __schema { types { fields { type { ofType { ofType { ofType { "
						+ "ofType { name } } } } } } } }"));
		queries.forEach((name, query) -> cases.add(new Case(name, "POST", "application/json",
				JSON.writeValueAsString(Map.of("query", query)).getBytes(StandardCharsets.UTF_8), null, false)));
		byte[] invalidUtf8 = "{\"query\": \"{ entity(name: \\\"XX\\\") { id } }\"}".getBytes(StandardCharsets.UTF_8);
		invalidUtf8[28] = (byte) 0xC3;
		invalidUtf8[29] = (byte) 0x28;
		cases.add(new Case("invalid UTF-8", "POST", "application/json", invalidUtf8, null, false));
		cases.add(new Case("raw control characters", "POST", "application/json",
				"{\"query\": \"{ entity(name: \\\"a\u0001b\u0000\\\") { id } }\"}".getBytes(StandardCharsets.UTF_8), null, false));
		cases.add(new Case("oversized body", "POST", "application/json",
				JSON.writeValueAsString(Map.of("query", "{ entity(name: \"" + "x".repeat(200_000) + "\") { id } }"))
					.getBytes(StandardCharsets.UTF_8), null, false));
		cases.add(new Case("empty body", "POST", "application/json", new byte[0], null, false));
		cases.add(new Case("not JSON", "POST", "text/plain", "{ neo4jVersion }".getBytes(StandardCharsets.UTF_8), null, false));
		cases.add(new Case("JSON array", "POST", "application/json",
				"[{\"query\": \"{ neo4jVersion }\"}]".getBytes(StandardCharsets.UTF_8), null, false));
		cases.add(new Case("query is a number", "POST", "application/json", "{\"query\": 5}".getBytes(StandardCharsets.UTF_8), null, false));
		cases.add(new Case("variables is a string", "POST", "application/json",
				"{\"query\": \"query($n: String!) { entity(name: $n) { id } }\", \"variables\": \"x\"}"
					.getBytes(StandardCharsets.UTF_8), null, false));
		cases.add(new Case("mutation over GET", "GET", null, null,
				"query=" + URLEncoder.encode("mutation { loadSeed { errors { message } } }", StandardCharsets.UTF_8), false));
		cases.add(new Case("GET bad variables", "GET", null, null, "query=%7B%20neo4jVersion%20%7D&variables=%5B", false));
		cases.add(new Case("GET without query", "GET", null, null, "", false));
		return cases.stream().map(Arguments::of);
	}

	private long[] counts() {
		var row = this.driver
			.executableQuery("CALL () { MATCH (n) RETURN count(n) AS n } CALL () { MATCH ()-[r]->() RETURN count(r) AS r } RETURN n, r")
			.execute()
			.records()
			.getFirst();
		return new long[] { row.get("n").asLong(), row.get("r").asLong() };
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void isRefusedOrAnsweredWithoutHarm(Case c) throws Exception {
		long[] before = counts();
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/graphql"
				+ ((c.queryString() != null) ? "?" + c.queryString() : ""));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri);
		if (c.method().equals("GET")) {
			request.GET();
		}
		else {
			request.header("Content-Type", c.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(c.body()));
		}
		if (c.writer()) {
			request.header("X-API-Key", WRITER.substring(WRITER.indexOf(':') + 1));
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("status of %s: %s", c, response.body()).isBetween(200, 499);
		if (response.statusCode() == 200) {
			assertThat(response.body()).as("body of %s", c).satisfiesAnyOf(b -> assertThat(b).contains("\"errors\""),
					b -> assertThat(b).contains("\"data\""));
		}
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Neo.ClientError");
		assertThat(counts()).as("node and relationship counts after %s", c).isEqualTo(before);
	}

}
