package dev.haidian.graph.security;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard's decisions for configurations the shared test service does not use. */
class GraphQlGuardFilterTests {

	static SecurityProperties properties(boolean readsOpen, int perMinute) {
		return new SecurityProperties(readsOpen, List.of("w:writer-secret-0123456789"),
				List.of("r:reader-secret-0123456789"), 65536, 30, perMinute);
	}

	static MockHttpServletResponse send(GraphQlGuardFilter guard, String apiKey, String query) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.setContentType("application/json");
		request.setContent(("{\"query\": \"" + query + "\"}").getBytes(StandardCharsets.UTF_8));
		if (apiKey != null) {
			request.addHeader("X-API-Key", apiKey);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		guard.doFilter(request, response, new MockFilterChain());
		return response;
	}

	@Test
	void aClientOverItsRateGets429WithRetryAfterAndOthersAreUnaffected() throws Exception {
		SecurityProperties limits = properties(true, 5);
		GraphQlGuardFilter guard = new GraphQlGuardFilter(new Credentials(limits), limits, "/graphql");
		for (int i = 0; i < 5; i++) {
			assertThat(send(guard, null, "{ neo4jVersion }").getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse limited = send(guard, null, "{ neo4jVersion }");
		assertThat(limited.getStatus()).isEqualTo(429);
		assertThat(limited.getHeader("Retry-After")).isEqualTo("60");
		assertThat(limited.getContentAsString()).contains("app.security.requests-per-minute");
		assertThat(send(guard, "reader-secret-0123456789", "{ neo4jVersion }").getStatus()).isEqualTo(200);
	}

	@Test
	void closedReadsNeedACredential() throws Exception {
		SecurityProperties closed = properties(false, 1000);
		GraphQlGuardFilter guard = new GraphQlGuardFilter(new Credentials(closed), closed, "/graphql");
		assertThat(send(guard, null, "{ neo4jVersion }").getStatus()).isEqualTo(401);
		assertThat(send(guard, "reader-secret-0123456789", "{ neo4jVersion }").getStatus()).isEqualTo(200);
		assertThat(send(guard, "reader-secret-0123456789", "mutation { loadSeed { errors { message } } }").getStatus())
			.isEqualTo(403);
		assertThat(send(guard, "writer-secret-0123456789", "mutation { loadSeed { errors { message } } }").getStatus())
			.isEqualTo(200);
	}

	@Test
	void withNoWriterConfiguredWritesAreDisabledAndSayWhy() throws Exception {
		SecurityProperties none = new SecurityProperties(true, List.of(), List.of(), 65536, 30, 1000);
		GraphQlGuardFilter guard = new GraphQlGuardFilter(new Credentials(none), none, "/graphql");
		MockHttpServletResponse response = send(guard, null, "mutation { loadSeed { errors { message } } }");
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentAsString()).contains("Writes are disabled");
	}

	@Test
	void shortSecretsAreRefusedAtStartWithoutShowingThem() {
		assertThatThrownBy(() -> new Credentials(new SecurityProperties(true, List.of("w:short"), List.of(), 1, 1, 1)))
			.hasMessageContaining("at least 16 characters")
			.hasMessageNotContaining("short");
	}

}
