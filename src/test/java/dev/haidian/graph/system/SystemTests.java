package dev.haidian.graph.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

class SystemTests extends ServiceTest {

	@Test
	void graphQlAnswersFromNeo4j() {
		this.graphQl.documentName("stats")
			.execute()
			.path("neo4jVersion")
			.entity(String.class)
			.satisfies(version -> assertThat(version).startsWith("2026."))
			.path("stats.nodes")
			.entity(Long.class)
			.satisfies(nodes -> assertThat(nodes).isPositive());
	}

	@Test
	void graphiqlAndItsAssetsAreServedByTheApplication() throws Exception {
		var page = get("/graphiql");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("GraphiQL").doesNotContain("http://").doesNotContain("https://");
		Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
		int count = 0;
		while (assets.find()) {
			String asset = assets.group(1);
			assertThat(asset).as("asset %s is local", asset).startsWith("/");
			assertThat(get(asset).statusCode()).as("GET %s", asset).isEqualTo(200);
			count++;
		}
		assertThat(count).as("scripts and stylesheets on the page").isGreaterThanOrEqualTo(5);
	}

	@Test
	void healthShowsNeo4jAndInfoShowsVersions() throws Exception {
		var health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"neo4j\":{").contains("\"status\":\"UP\"");
		var info = get("/actuator/info");
		assertThat(info.body()).contains("\"app\":{").contains("\"version\":\"2026.");
	}

	@Autowired
	WarmUp warmUp;

	@Test
	void theExampleQueriesRanAndAnsweredBeforeTheServiceWasReady() {
		assertThat(this.warmUp.outcomes()).extracting(WarmUp.Outcome::operation)
			.contains("FirmsNearTsinghua", "BeijingHangzhou", "ZjuToHaidian", "Moonshot", "ReadmePolicies",
					"BenchCompanies");
		assertThat(this.warmUp.outcomes())
			.allSatisfy(outcome -> assertThat(outcome.error()).as(outcome.operation()).isNull());
	}

	@Test
	void aWarmUpDocumentRunsItsNamedQueriesButNeverItsMutations() {
		assertThat(WarmUp.queries("""
				# a comment mentioning query Hidden { x }
				query First { entity(name: "月之暗面") { id } }
				mutation Write { retractRelationship(input: {id: "x"}) { errors { message } } }
				{ __typename }
				query Second($n: String = "清华") { search(text: $n) { id } }
				""")).containsExactly("First", "Second");
	}

	@Test
	void theWarmUpCoversEveryQueryGraphiqlOpensWith() throws Exception {
		String graphiql = new ClassPathResource("static/graphiql/default-query.js")
			.getContentAsString(StandardCharsets.UTF_8);
		String warmUp = new ClassPathResource("warmup/examples.graphql").getContentAsString(StandardCharsets.UTF_8);
		List<String> operations = new ArrayList<>();
		Matcher operation = Pattern.compile("(?ms)^query \\w+ \\{.*?^\\}").matcher(graphiql);
		while (operation.find()) {
			operations.add(operation.group());
		}
		assertThat(operations).hasSizeGreaterThanOrEqualTo(4);
		assertThat(operations).allSatisfy(text -> assertThat(warmUp).contains(text));
	}

}
