package dev.haidian.graph.security;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that arrives while the service is still starting (Tomcat is up, the seed is loading). The shared
 * test service is ready before any test runs; {@code GraphQlHttpTests} covers the gate through HTTP.
 */
class ReadinessGateTests {

	private static MockHttpServletResponse send(ReadinessGate gate) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.setContentType("application/json");
		request.setContent("{\"query\": \"{ entity(name: \\\"月之暗面\\\") { id } }\"}".getBytes(StandardCharsets.UTF_8));
		MockHttpServletResponse response = new MockHttpServletResponse();
		gate.doFilter(request, response, new MockFilterChain());
		return response;
	}

	@Test
	void beforeTheStartUpRunnersFinishARequestGets503SayingTheServiceIsStarting() throws Exception {
		ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
		ReadinessGate gate = new ReadinessGate(availability);

		MockHttpServletResponse starting = send(gate);
		assertThat(starting.getStatus()).isEqualTo(503);
		assertThat(starting.getHeader("Retry-After")).isEqualTo("2");
		assertThat(starting.getContentAsString(StandardCharsets.UTF_8)).contains("starting", "seed graph");

		availability.onApplicationEvent(
				new AvailabilityChangeEvent<>(new StaticApplicationContext(), ReadinessState.ACCEPTING_TRAFFIC));
		assertThat(send(gate).getStatus()).isEqualTo(200);

		availability.onApplicationEvent(
				new AvailabilityChangeEvent<>(new StaticApplicationContext(), ReadinessState.REFUSING_TRAFFIC));
		MockHttpServletResponse stopping = send(gate);
		assertThat(stopping.getStatus()).isEqualTo(503);
		assertThat(stopping.getContentAsString(StandardCharsets.UTF_8)).contains("shutting down");
	}

}
