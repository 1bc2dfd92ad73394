package dev.haidian.graph.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers GraphQL requests with {@code 503} and a message saying why until the application is ready, and again
 * once it is shutting down. Tomcat accepts connections before the start-up runners have applied the schema and
 * loaded the seed graph (or run a bulk import); without this gate a request in that window got an internal error
 * about a missing index, or worse, an empty answer that looked like "no such entity".
 */
final class ReadinessGate extends OncePerRequestFilter {

	private final ApplicationAvailability availability;

	private volatile boolean wasReady;

	ReadinessGate(ApplicationAvailability availability) {
		this.availability = availability;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
			if (!this.wasReady) {
				this.wasReady = true;
			}
			chain.doFilter(request, response);
			return;
		}
		response.setHeader("Retry-After", "2");
		GraphQlGuardFilter.refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, this.wasReady
				? "The service is shutting down; send the request again in a moment (to another instance, if any)"
				: "The service is starting: the graph schema and the seed graph (or a bulk import) are being loaded; "
						+ "send the request again in a few seconds");
	}

}
