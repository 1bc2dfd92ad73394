package dev.haidian.graph.links;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTests extends ServiceTest {

	@Test
	@SuppressWarnings("unchecked")
	void beijingAndHangzhouAreLinkedByDeepSeekAndUnitreeWithQuotesFromTheArticles() throws IOException {
		long before = this.statements.count();
		List<Map<String, Object>> links = cityLinks(this.graphQl, null, null);
		assertThat(this.statements.count() - before).as("Cypher statements for the request").isEqualTo(1);
		assertThat(links).extracting(l -> ((Map<String, Object>) l.get("entity")).get("id"))
			.contains("deepseek", "unitree-robotics");
		for (Map<String, Object> link : links) {
			List<Map<String, Object>> paths = (List<Map<String, Object>>) link.get("paths");
			assertThat(paths).hasSize(2);
			assertThat(((List<Map<String, Object>>) paths.get(0).get("nodes")).getLast().get("id")).isEqualTo("beijing");
			assertThat(((List<Map<String, Object>>) paths.get(1).get("nodes")).getLast().get("id")).isEqualTo("hangzhou");
			for (Map<String, Object> path : paths) {
				for (Map<String, Object> relation : (List<Map<String, Object>>) path.get("relations")) {
					List<Map<String, Object>> evidence = (List<Map<String, Object>>) relation.get("evidence");
					assertThat(evidence).as("evidence of %s", relation.get("type")).isNotEmpty();
					for (Map<String, Object> e : evidence) {
						assertThat(article((String) ((Map<String, Object>) e.get("source")).get("file")))
							.contains((String) e.get("quote"));
					}
				}
			}
			assertThat((String) link.get("summary")).isNotBlank();
			assertThat((String) link.get("browserUrl")).contains("cmd=edit");
		}
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> cityLinks(HttpGraphQlTester graphQl, Integer first, String after) {
		var request = graphQl.documentName("cityLinks").variable("cityA", "北京").variable("cityB", "杭州");
		if (first != null) {
			request = request.variable("first", first);
		}
		if (after != null) {
			request = request.variable("after", after);
		}
		return request.execute()
			.path("cityLinks")
			.entityList(Map.class)
			.get()
			.stream()
			.map(m -> (Map<String, Object>) m)
			.toList();
	}

	static List<Object> ids(List<Map<String, Object>> links) {
		return links.stream().map(l -> (Object) ((Map<?, ?>) l.get("entity")).get("id")).toList();
	}

	@SuppressWarnings("unchecked")
	static int length(Map<String, Object> link) {
		return ((List<Map<String, Object>>) link.get("paths")).stream()
			.mapToInt(p -> ((Number) p.get("length")).intValue())
			.sum();
	}

	@Test
	void linksComeShortestFirstThenByNameAndPagesFollowEachOther() {
		List<Map<String, Object>> all = cityLinks(this.graphQl, 100, null);
		assertThat(all).hasSizeGreaterThan(3);
		for (int i = 1; i < all.size(); i++) {
			Map<String, Object> before = all.get(i - 1);
			Map<String, Object> link = all.get(i);
			assertThat(length(link)).isGreaterThanOrEqualTo(length(before));
			if (length(link) == length(before)) {
				assertThat((String) ((Map<?, ?>) link.get("entity")).get("name"))
					.isGreaterThanOrEqualTo((String) ((Map<?, ?>) before.get("entity")).get("name"));
			}
		}
		assertThat(ids(cityLinks(this.graphQl, null, null))).as("first defaults to 20").isEqualTo(ids(all).subList(0, Math.min(20, all.size())));
		List<Map<String, Object>> page = cityLinks(this.graphQl, 2, null);
		assertThat(ids(page)).isEqualTo(ids(all).subList(0, 2));
		List<Map<String, Object>> next = cityLinks(this.graphQl, 2, (String) page.getLast().get("cursor"));
		assertThat(ids(next)).isEqualTo(ids(all).subList(2, 4));
		List<Map<String, Object>> rest = cityLinks(this.graphQl, 100, (String) next.getLast().get("cursor"));
		assertThat(ids(rest)).isEqualTo(ids(all).subList(4, all.size()));
		assertThat(cityLinks(this.graphQl, 100, (String) all.getLast().get("cursor"))).isEmpty();
	}

	@Test
	void firstAndAfterAreChecked() {
		for (int first : new int[] { 0, 101 }) {
			this.graphQl.documentName("cityLinks")
				.variable("cityA", "北京")
				.variable("cityB", "杭州")
				.variable("first", first)
				.execute()
				.errors()
				.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
						&& e.getMessage().startsWith("first must be between 1 and 100"))
				.verify();
		}
		this.graphQl.documentName("cityLinks")
			.variable("cityA", "北京")
			.variable("cityB", "杭州")
			.variable("after", "not-a-cursor")
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().startsWith("after "))
			.verify();
	}

	private static String article(String file) throws IOException {
		Path path = Path.of("../shared/seeds", file);
		return Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
	}

	@Test
	@SuppressWarnings("unchecked")
	void zhejiangUniversityReachesHaidianEveryStepWithEvidence() {
		long before = this.statements.count();
		List<Map<String, Object>> paths = this.graphQl.documentName("paths")
			.variable("from", "浙江大学")
			.variable("to", "海淀区")
			.execute()
			.path("paths")
			.entityList(Map.class)
			.get()
			.stream()
			.map(m -> (Map<String, Object>) m)
			.toList();
		assertThat(this.statements.count() - before).as("Cypher statements for the request").isEqualTo(1);
		assertThat(paths).isNotEmpty().hasSizeLessThanOrEqualTo(5);
		int previous = 0;
		for (Map<String, Object> path : paths) {
			int length = ((Number) path.get("length")).intValue();
			assertThat(length).isBetween(Math.max(previous, 1), 4);
			previous = length;
			List<Map<String, Object>> nodes = (List<Map<String, Object>>) path.get("nodes");
			assertThat(nodes.getFirst().get("id")).isEqualTo("zhejiang-university");
			assertThat(nodes.getLast().get("id")).isEqualTo("haidian-district");
			List<Map<String, Object>> relations = (List<Map<String, Object>>) path.get("relations");
			assertThat(relations).hasSize(length);
			for (int i = 0; i < length; i++) {
				assertThat(((Map<String, Object>) relations.get(i).get("node")).get("id")).isEqualTo(nodes.get(i + 1).get("id"));
				assertThat((List<?>) relations.get(i).get("evidence")).isNotEmpty();
			}
		}
	}

	/**
	 * Two test firms linked through one area (2 hops) and through two partners (3 hops). While the area is an
	 * ordinary entity, the page of five fills up with the longer path; once it has more than 10,000 relationships
	 * (a hub, as a city is at a million firms) only the shortest paths come back, because looking for longer ones
	 * through a hub ran for minutes.
	 */
	@Test
	void longerPathsFillThePageUnlessTheShortestPassThroughAHub() {
		this.driver.executableQuery("""
				CREATE (a:Entity:Company {id: 'hub-test-a', name: 'HubTestA', nameZh: 'HubTestA', nameKeys: ['hubtesta']}),
				       (b:Entity:Company {id: 'hub-test-b', name: 'HubTestB', nameZh: 'HubTestB', nameKeys: ['hubtestb']}),
				       (h:Entity:Area {id: 'hub-test-area', name: 'HubTestArea', nameZh: 'HubTestArea', nameKeys: ['hubtestarea']}),
				       (x:Entity:Company {id: 'hub-test-x', name: 'HubTestX', nameZh: 'HubTestX', nameKeys: ['hubtestx']}),
				       (y:Entity:Company {id: 'hub-test-y', name: 'HubTestY', nameZh: 'HubTestY', nameKeys: ['hubtesty']}),
				       (a)-[:LOCATED_IN]->(h), (b)-[:LOCATED_IN]->(h),
				       (a)-[:PARTNERS_WITH]->(x), (x)-[:PARTNERS_WITH]->(y), (y)-[:PARTNERS_WITH]->(b)
				""").execute();
		try {
			assertThat(pathLengths()).containsExactly(2, 3);
			this.driver.executableQuery("""
					MATCH (h:Entity {id: 'hub-test-area'})
					UNWIND range(1, $more) AS i CREATE (:HubTestTenant)-[:LOCATED_IN]->(h)
					""").withParameters(Map.of("more", LinksService.HUB)).execute();
			assertThat(pathLengths()).containsExactly(2);
		}
		finally {
			this.driver.executableQuery(
					"MATCH (n) WHERE n:HubTestTenant OR n.id STARTS WITH 'hub-test-' DETACH DELETE n").execute();
		}
	}

	private List<Integer> pathLengths() {
		return this.graphQl.document("{ paths(from: \"HubTestA\", to: \"HubTestB\", first: 5) { length } }")
			.execute()
			.path("paths[*].length")
			.entityList(Integer.class)
			.get();
	}

	@Test
	void hopsAreBoundedAndNamesMustResolve() {
		this.graphQl.documentName("paths")
			.variable("from", "浙江大学")
			.variable("to", "海淀区")
			.variable("maxHops", 9)
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().startsWith("maxHops must be between 1 and 6"))
			.verify();
		this.graphQl.documentName("cityLinks")
			.variable("cityA", "北京")
			.variable("cityB", "Hangzou")
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.NOT_FOUND && e.getMessage().contains("杭州"))
			.verify();
	}

}
