package dev.haidian.graph.proximity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;

import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FirmsNearTests extends ServiceTest {

	/** Neo4j's WGS-84 distance is a haversine on a sphere of this radius. */
	static final double EARTH_RADIUS_KM = 6378.14;

	static double haversine(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> near(double km) {
		long before = this.statements.count();
		Map<String, Object> answer = this.graphQl.documentName("firmsNear")
			.variable("place", "清华大学")
			.variable("withinKm", km)
			.variable("first", 100)
			.execute()
			.path("firmsNear")
			.entity(Map.class)
			.get();
		assertThat(this.statements.count() - before).as("Cypher statements for the request").isEqualTo(1);
		return answer;
	}

	@Test
	@SuppressWarnings("unchecked")
	void firmsInTheTsinghuaScienceParkBuildingsComeNearestFirstWithHaversineDistances() {
		Map<String, Object> answer = near(1.5);
		List<Map<String, Object>> edges = (List<Map<String, Object>>) answer.get("edges");
		assertThat(edges).isNotEmpty();
		Map<String, Object> place = (Map<String, Object>) ((Map<String, Object>) answer.get("place")).get("location");
		double previous = 0;
		for (Map<String, Object> edge : edges) {
			double distance = ((Number) edge.get("distanceKm")).doubleValue();
			assertThat(distance).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(1.5);
			previous = distance;
			Map<String, Object> via = (Map<String, Object>) ((Map<String, Object>) edge.get("via")).get("location");
			assertThat(distance).isCloseTo(haversine((double) place.get("latitude"), (double) place.get("longitude"),
					(double) via.get("latitude"), (double) via.get("longitude")), within(0.001));
		}
		assertThat(edges).filteredOn(e -> ((List<Map<String, Object>>) ((Map<String, Object>) e.get("via")).get("partOf"))
			.stream()
			.anyMatch(p -> "tsinghua-science-park".equals(p.get("id"))))
			.extracting(e -> ((Map<String, Object>) e.get("node")).get("id"))
			.contains("zhipu-ai");
		assertThat(((Number) answer.get("totalCount")).intValue()).isEqualTo(edges.size());
	}

	@Test
	@SuppressWarnings("unchecked")
	void wideningTheRadiusAddsFirms() {
		List<Object> near = ((List<Map<String, Object>>) near(1.5).get("edges")).stream()
			.map(e -> ((Map<String, Object>) e.get("node")).get("id"))
			.toList();
		List<Object> wider = ((List<Map<String, Object>>) near(3).get("edges")).stream()
			.map(e -> ((Map<String, Object>) e.get("node")).get("id"))
			.toList();
		assertThat(wider).containsAll(near).hasSizeGreaterThan(near.size());
	}

	@Test
	void pagesFollowEachOther() {
		var all = this.graphQl.documentName("firmsNear")
			.variable("place", "Tsinghua University")
			.variable("withinKm", 3.0)
			.execute()
			.path("firmsNear.edges[*].node.id")
			.entityList(String.class)
			.get();
		var page = this.graphQl.documentName("firmsNear")
			.variable("place", "Tsinghua University")
			.variable("withinKm", 3.0)
			.variable("first", 2)
			.execute();
		String cursor = page.path("firmsNear.pageInfo.endCursor").entity(String.class).get();
		var rest = this.graphQl.documentName("firmsNear")
			.variable("place", "Tsinghua University")
			.variable("withinKm", 3.0)
			.variable("after", cursor)
			.execute()
			.path("firmsNear.edges[*].node.id")
			.entityList(String.class)
			.get();
		assertThat(page.path("firmsNear.edges[*].node.id").entityList(String.class).get()).isEqualTo(all.subList(0, 2));
		assertThat(rest).isEqualTo(all.subList(2, all.size()));
	}

	@Test
	void aMisspelledPlaceIsNotFoundWithSuggestions() {
		this.graphQl.documentName("firmsNear")
			.variable("place", "Tsinghwa")
			.variable("withinKm", 1.5)
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.NOT_FOUND && e.getMessage().contains("清华大学 / Tsinghua University")
					&& ((List<?>) e.getExtensions().get("suggestions")).contains("清华大学 / Tsinghua University"))
			.verify();
	}

	@Test
	void theRadiusIsBounded() {
		for (double km : new double[] { 0, -1, 1000 }) {
			this.graphQl.documentName("firmsNear")
				.variable("place", "清华大学")
				.variable("withinKm", km)
				.execute()
				.errors()
				.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().startsWith("withinKm must be"))
				.verify();
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theAnswerCarriesCypherAndABrowserLinkThatReproduceIt() {
		Map<String, Object> answer = near(1.5);
		Map<String, Object> cypher = (Map<String, Object>) answer.get("cypher");
		String url = (String) answer.get("browserUrl");
		assertThat(url).contains("/browser/?").contains("cmd=edit&arg=");
		String editor = URLDecoder.decode(url.substring(url.indexOf("arg=") + 4), StandardCharsets.UTF_8);
		assertThat(editor).startsWith(":params {key: \"清华大学\", meters: 1500.0};").contains((String) cypher.get("statement"));
		var rows = this.driver.executableQuery((String) cypher.get("statement"))
			.withParameters(Map.of("key", "清华大学", "meters", 1500.0))
			.execute()
			.records();
		assertThat(rows).hasSizeGreaterThanOrEqualTo(((List<?>) answer.get("edges")).size());
	}

}
