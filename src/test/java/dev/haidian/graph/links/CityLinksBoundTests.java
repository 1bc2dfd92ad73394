package dev.haidian.graph.links;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cityLinks with a candidate bound small enough to reach on the seed graph: Beijing and Hangzhou have two
 * entities with a direct footing in both (DeepSeek's R&D centre and HQ, the embodied-AI company's team and HQ),
 * so with {@code app.links.max-candidates=2} the answer is drawn from those two, the shortest links there are,
 * and stops there.
 *
 * <p>
 * This class has a Spring context (and Neo4j) of its own, so its first request plans the statement from a cold
 * plan cache; on a loaded machine that alone has taken seconds, hence the longer timeouts.
 */
@TestPropertySource(properties = { "app.links.max-candidates=2", "app.graphql.limits.timeout=30s", "app.warmup.mode=off" })
class CityLinksBoundTests extends ServiceTest {

	@Test
	void theAnswerIsDrawnFromAtMostTheBoundShortestLinksFirst() {
		this.graphQl = HttpGraphQlTester.create(WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port + "/graphql")
			.responseTimeout(Duration.ofSeconds(30))
			.build()).mutate().responseTimeout(Duration.ofSeconds(30)).build();
		List<Map<String, Object>> links = LinksTests.cityLinks(this.graphQl, 100, null);
		assertThat(LinksTests.ids(links)).containsExactly("deepseek", "unnamed-embodied-ai-company");
		assertThat(links).allSatisfy(link -> assertThat(LinksTests.length(link)).isEqualTo(2));
		List<Map<String, Object>> first = LinksTests.cityLinks(this.graphQl, 1, null);
		assertThat(LinksTests.ids(first)).containsExactly("deepseek");
		assertThat(LinksTests.ids(LinksTests.cityLinks(this.graphQl, 1, (String) first.getFirst().get("cursor"))))
			.containsExactly("unnamed-embodied-ai-company");
		assertThat(LinksTests.cityLinks(this.graphQl, 100, (String) links.getLast().get("cursor"))).isEmpty();
	}

}
