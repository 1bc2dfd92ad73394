package dev.haidian.graph.seed;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;

import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reader of the two articles would check first. */
class SpotCheckTests extends ServiceTest {

	private List<Record> facts(String cypher) {
		return this.driver.executableQuery(cypher).execute().records();
	}

	private List<String> targets(String from, String type) {
		return facts("CYPHER 25 MATCH (:Entity {id: '" + from + "'})-[:$('" + type + "')]->(b) RETURN b.id AS id")
			.stream()
			.map(r -> r.get("id").asString())
			.toList();
	}

	@Test
	void deepSeekIsHeadquarteredInHangzhouWithItsBeijingResearchAtRongke() {
		assertThat(targets("deepseek", "HEADQUARTERED_IN")).contains("hangzhou");
		var rd = facts("""
				MATCH (:Entity {id: 'deepseek'})-[r:HAS_RD_CENTER_IN]->(:Building {id: 'rongke-information-center'})
				RETURN r.staffShare AS share, r.quotes AS quotes""");
		assertThat(rd).hasSize(1);
		assertThat(rd.getFirst().get("share").asDouble()).isBetween(0.66, 0.67);
		assertThat(rd.getFirst().get("quotes").asList(v -> v.asString())).anyMatch(q -> q.contains("三分之二"));
	}

	@Test
	void unitreeSetUpAHaidianSubsidiaryAtTheEndOf2024() {
		var subsidiary = facts("""
				MATCH (:Company {id: 'unitree-robotics'})-[r:HAS_SUBSIDIARY_IN]->(place)
				RETURN place.id AS place, r.validFrom AS since""");
		assertThat(subsidiary).extracting(r -> r.get("place").asString() + "@" + r.get("since").asString(null))
			.anyMatch(s -> s.matches("(haidian-district|beijing)@2024-12"));
	}

	@Test
	void moonshotAiSitsInTheJdTechnologyBuilding() {
		assertThat(targets("moonshot-ai", "LOCATED_IN")).contains("jd-technology-building");
		var building = facts("MATCH (b:Building {id: 'jd-technology-building'}) RETURN b.aliases AS aliases");
		assertThat(building.getFirst().get("aliases").asList(v -> v.asString())).contains("原翠宫饭店");
	}

	@Test
	void deepRoboticsCtoLiChaoStudiedAtZhejiangUniversity() {
		var role = facts("""
				MATCH (:Person {id: 'li-chao'})-[w:WORKS_AT]->(:Company {id: 'deep-robotics'})
				RETURN w.role AS role""");
		assertThat(role).extracting(r -> r.get("role").asString()).anyMatch(r -> r.contains("CTO"));
		assertThat(targets("li-chao", "ALUMNUS_OF")).contains("zhejiang-university");
	}

	@Test
	void bytedanceReleasedSeedance2On12February2026() {
		var release = facts("""
				MATCH (c:Company {id: 'bytedance'})-[r:RELEASED]->(:Product {id: 'seedance-2-0'})
				RETURN r.validFrom AS date, c.aliases AS aliases""");
		assertThat(release).extracting(r -> r.get("date").asString()).containsExactly("2026-02-12");
		assertThat(release.getFirst().get("aliases").asList(v -> v.asString())).contains("抖音集团");
	}

	@Test
	void theTwoArticlesDatesOfTheZhongguancunMeasuresAreBothKept() {
		var issued = facts("""
				MATCH (body)-[r:ISSUED]->(p:Policy) WHERE p.nameZh CONTAINS '若干措施'
				RETURN r.validFrom AS date, r.sources AS sources ORDER BY date""");
		assertThat(issued).extracting(r -> Map.entry(r.get("date").asString(), r.get("sources").get(0).asString()))
			.containsExactly(Map.entry("2025-02", "21jingji-2025-02-22"), Map.entry("2025-08", "wang-jici-2026"));
	}

}
