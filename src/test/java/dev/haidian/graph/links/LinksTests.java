package dev.haidian.graph.links;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;

import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTests extends ServiceTest {

	@Test
	@SuppressWarnings("unchecked")
	void beijingAndHangzhouAreLinkedByDeepSeekAndUnitreeWithQuotesFromTheArticles() throws IOException {
		long before = this.statements.count();
		List<Map<String, Object>> links = this.graphQl.documentName("cityLinks")
			.variable("cityA", "北京")
			.variable("cityB", "杭州")
			.execute()
			.path("cityLinks")
			.entityList(Map.class)
			.get()
			.stream()
			.map(m -> (Map<String, Object>) m)
			.toList();
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
