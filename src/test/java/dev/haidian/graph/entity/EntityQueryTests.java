package dev.haidian.graph.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.graphql.execution.ErrorType;

import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

class EntityQueryTests extends ServiceTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "月之暗面, moonshot-ai", "Moonshot AI, moonshot-ai", "moonshot ai, moonshot-ai", "ＤｅｅｐＳｅｅｋ, deepseek",
			"抖音集团, bytedance", "字节跳动, bytedance", "智谱华章, zhipu-ai", "原翠宫饭店, jd-technology-building",
			"'  Tsinghua   University ', tsinghua-university" })
	void anyNameOrAliasResolves(String name, String id) {
		this.graphQl.documentName("entityByName")
			.variable("name", name)
			.execute()
			.path("entity.id")
			.entity(String.class)
			.isEqualTo(id);
	}

	@Test
	void anUnknownNameIsNull() {
		this.graphQl.documentName("entityByName").variable("name", "不存在的公司").execute().path("entity").valueIsNull();
	}

	@Test
	void relationsCarryTheSeedEvidenceAndNestInOneStatement() {
		long before = this.statements.count();
		var relations = this.graphQl.documentName("entityRelations")
			.variable("name", "DeepSeek")
			.variable("types", List.of("HAS_RD_CENTER_IN"))
			.variable("direction", "OUT")
			.execute()
			.path("entity.relations")
			.entityList(Map.class)
			.get();
		assertThat(this.statements.count() - before).as("Cypher statements for the request").isEqualTo(1);
		assertThat(relations.stream().map(r -> (Object) ((Map<?, ?>) r.get("node")).get("id")).toList())
			.containsExactlyInAnyOrder((Object) "beijing", "rongke-information-center");
		Map<?, ?> rongke = relations.stream()
			.filter(r -> "rongke-information-center".equals(((Map<?, ?>) r.get("node")).get("id")))
			.findFirst()
			.orElseThrow();
		assertThat(rongke.get("direction")).isEqualTo("OUT");
		assertThat(((Number) rongke.get("staffShare")).doubleValue()).isEqualTo(0.667);
		List<Object> quotes = new ArrayList<>();
		((List<Map<?, ?>>) rongke.get("evidence")).forEach(e -> quotes.add(e.get("quote")));
		assertThat(quotes).containsExactly("DeepSeek约有三分之二的员工在这栋楼办公");
		Map<?, ?> source = (Map<?, ?>) ((List<Map<?, ?>>) rongke.get("evidence")).getFirst().get("source");
		assertThat(source.get("id")).isEqualTo("21jingji-2025-02-22");
		assertThat(source.get("publisher").toString()).contains("21");
	}

	@Test
	void searchRanksExactNamesFirstAndFiltersByType() {
		this.graphQl.documentName("search")
			.variable("text", "智谱")
			.execute()
			.path("search[0].id")
			.entity(String.class)
			.isEqualTo("zhipu-ai");
		this.graphQl.documentName("search")
			.variable("text", "清华")
			.variable("types", List.of("Building"))
			.execute()
			.path("search[*].type")
			.entityList(String.class)
			.satisfies(types -> assertThat(types).isNotEmpty().containsOnly("Building"));
	}

	@Test
	void anUnknownTypeIsABadRequestNamingIt() {
		this.graphQl.documentName("search")
			.variable("text", "清华")
			.variable("types", List.of("Spaceship"))
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("'Spaceship'"))
			.verify();
	}

	@Test
	void paginationIsStableAndCoversTheList() {
		var all = this.graphQl.documentName("companies")
			.variable("first", 10)
			.execute()
			.path("companies.edges[*].node.id")
			.entityList(String.class)
			.get();
		var first = this.graphQl.documentName("companies").variable("first", 4).execute();
		var firstIds = first.path("companies.edges[*].node.id").entityList(String.class).get();
		String cursor = first.path("companies.pageInfo.endCursor").entity(String.class).get();
		first.path("companies.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		var nextIds = this.graphQl.documentName("companies")
			.variable("first", 6)
			.variable("after", cursor)
			.execute()
			.path("companies.edges[*].node.id")
			.entityList(String.class)
			.get();
		List<String> joined = new ArrayList<>(firstIds);
		joined.addAll(nextIds);
		assertThat(joined).isEqualTo(all);
	}

	@Test
	void listsFilterByPlaceAndRefuseUnknownPlaces() {
		this.graphQl.documentName("companies")
			.variable("filter", Map.of("area", "京东科技大厦"))
			.execute()
			.path("companies.edges[*].node.id")
			.entityList(String.class)
			.contains("moonshot-ai");
		this.graphQl.documentName("companies")
			.variable("filter", Map.of("area", "Haidan"))
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.NOT_FOUND && e.getMessage().contains("海淀区"))
			.verify();
	}

	@Test
	void firstIsCapped() {
		this.graphQl.documentName("companies")
			.variable("first", 101)
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
					&& e.getMessage().equals("first must be between 1 and 100 (was 101)"))
			.verify();
	}


	@Test
	void onAHubTheTypesNamedAreReadInNameOrderAndAnyPageAnswers() {
		// An entity with 10,005 relationships of one type beside two LOCATED_IN: more than Projection.MAX_READ.
		this.driver.executableQuery("""
				MATCH (s:Source) WITH s LIMIT 1
				CREATE (h:Entity:Company {id: 'test-hub', name: 'Test Hub', nameKeys: [$key]})
				WITH h, s UNWIND range(1, 10005) AS i
				CREATE (h)-[:REPORTED_BY {id: 'test-hub>REPORTED_BY>' + s.id + '@' + i}]->(s)
				""").withParameters(Map.of("key", dev.haidian.graph.query.Names.key("Test Hub"))).execute();
		try {
			this.driver.executableQuery("""
					MATCH (h:Entity {id: 'test-hub'}), (a:Entity {id: 'haidian-district'}), (b:Entity {id: 'beijing'})
					CREATE (h)-[:LOCATED_IN {id: 'test-hub>LOCATED_IN>haidian-district'}]->(a),
					       (h)-[:LOCATED_IN {id: 'test-hub>LOCATED_IN>beijing'}]->(b)
					""").execute();
			this.graphQl.document("{ entity(name: \"Test Hub\") { relations(types: [\"LOCATED_IN\"]) { node { id } } } }")
				.execute()
				.path("entity.relations[*].node.id")
				.entityList(String.class)
				.containsExactly("beijing", "haidian-district");
			this.graphQl.document("{ entity(name: \"Test Hub\") { relations(first: 5) { type } } }")
				.execute()
				.path("entity.relations")
				.entityList(Map.class)
				.hasSize(5);
			this.graphQl.document("{ entity(name: \"Test Hub\") { relations(types: []) { type } } }")
				.execute()
				.path("entity.relations")
				.entityList(Map.class)
				.hasSize(0);
		}
		finally {
			this.driver.executableQuery("MATCH (h:Entity {id: 'test-hub'}) DETACH DELETE h").execute();
		}
	}

	@Test
	void aPlaceWithMoreThanTenThousandEntitiesIsPagedInNameOrderAndCounted() {
		var smallPlace = this.graphQl.documentName("companies")
			.variable("filter", Map.of("area", "京东科技大厦"))
			.execute();
		List<String> tenants = smallPlace.path("companies.edges[*].node.id").entityList(String.class).get();
		int tenantCount = smallPlace.path("companies.totalCount").entity(Integer.class).get();
		// More entities inside than Projection.MAX_READ: the page is read in name order instead of walking down.
		this.driver.executableQuery("""
				CREATE (a:Entity:Area {id: 'test-quarter', name: 'Test Quarter', nameKeys: [$key]})
				WITH a UNWIND range(1, 10001) AS i
				WITH a, i, 'Test Firm ' + right('0000' + i, 5) AS name
				CREATE (:Entity:Company {id: 'test-firm-' + i, name: name, nameZh: '测试公司' + i,
				        nameKeys: [toLower(replace(name, ' ', '')), '测试公司' + i],
				        kind: CASE WHEN i % 1000 = 0 THEN 'lab' ELSE 'company' END})
				       -[:LOCATED_IN {id: 'test-firm-' + i + '>LOCATED_IN>test-quarter'}]->(a)
				""").withParameters(Map.of("key", dev.haidian.graph.query.Names.key("Test Quarter"))).execute();
		try {
			var first = this.graphQl.documentName("companies")
				.variable("filter", Map.of("area", "Test Quarter"))
				.variable("first", 3)
				.execute();
			first.path("companies.totalCount").entity(Integer.class).isEqualTo(10001);
			first.path("companies.edges[*].node.name")
				.entityList(String.class)
				.containsExactly("Test Firm 00001", "Test Firm 00002", "Test Firm 00003");
			String cursor = first.path("companies.pageInfo.endCursor").entity(String.class).get();
			this.graphQl.documentName("companies")
				.variable("filter", Map.of("area", "Test Quarter"))
				.variable("first", 2)
				.variable("after", cursor)
				.execute()
				.path("companies.edges[*].node.name")
				.entityList(String.class)
				.containsExactly("Test Firm 00004", "Test Firm 00005");
			var labs = this.graphQl.documentName("companies")
				.variable("filter", Map.of("area", "Test Quarter", "kind", "lab"))
				.variable("first", 20)
				.execute();
			labs.path("companies.totalCount").entity(Integer.class).isEqualTo(10);
			labs.path("companies.edges[0].node.name").entity(String.class).isEqualTo("Test Firm 01000");
			// With more than 10,000 companies in all, a small place is walked down from: the same answer as before.
			var walked = this.graphQl.documentName("companies")
				.variable("filter", Map.of("area", "京东科技大厦"))
				.execute();
			walked.path("companies.edges[*].node.id").entityList(String.class).isEqualTo(tenants);
			walked.path("companies.totalCount").entity(Integer.class).isEqualTo(tenantCount);
			assertThat(tenants).contains("moonshot-ai");
			// A part of a name that 9,999 names contain is read from the name index; one that more than 10,000
			// contain, in name order: the same answers.
			for (var part : Map.of("TEST firm 0", 9999, "test firm", 10001).entrySet()) {
				var named = this.graphQl.documentName("companies")
					.variable("filter", Map.of("name", part.getKey()))
					.variable("first", 2)
					.execute();
				named.path("companies.totalCount").entity(Integer.class).isEqualTo(part.getValue());
				named.path("companies.edges[*].node.name")
					.entityList(String.class)
					.containsExactly("Test Firm 00001", "Test Firm 00002");
			}
		}
		finally {
			this.driver.executableQuery("MATCH (n:Entity) WHERE n.id = 'test-quarter' OR n.id STARTS WITH 'test-firm-' DETACH DELETE n")
				.execute();
		}
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "月之暗, moonshot-ai", "SHOT ai, moonshot-ai", "ｍｏｏｎｓｈｏｔ, moonshot-ai", "01.A, 01-ai", "零一万, 01-ai" })
	void aPartOfAnyNameFiltersAListAndIsCounted(String part, String id) {
		var answer = this.graphQl.documentName("companies").variable("filter", Map.of("name", part)).execute();
		answer.path("companies.edges[*].node.id").entityList(String.class).contains(id);
		int total = answer.path("companies.totalCount").entity(Integer.class).get();
		assertThat(total).isEqualTo(answer.path("companies.edges").entityList(Object.class).get().size()).isPositive();
	}

	@Test
	void lucenesQuerySyntaxInANamePartIsText() {
		this.graphQl.documentName("companies")
			.variable("filter", Map.of("name", "*?\\\" AND (x"))
			.execute()
			.path("companies.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
	}

}
