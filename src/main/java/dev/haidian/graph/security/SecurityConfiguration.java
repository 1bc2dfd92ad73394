package dev.haidian.graph.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The service is an API without sessions, cookies or login pages, so it needs no security framework: who may
 * do what on {@code /graphql} is decided by {@link GraphQlGuardFilter}, one servlet filter, behind
 * {@link ReadinessGate}; everything else (GraphiQL, its assets, health, info) is open. Every response carries the
 * usual protective headers. (A general-purpose security filter chain, with an observation around each of its
 * dozen filters, cost more than the rest of a small GraphQL request together.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	@Bean
	FilterRegistrationBean<GraphQlGuardFilter> graphQlGuard(SecurityProperties properties,
			@Value("${spring.graphql.http.path:/graphql}") String path) {
		var registration = new FilterRegistrationBean<>(
				new GraphQlGuardFilter(new Credentials(properties), properties, path));
		registration.addUrlPatterns(path);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ReadinessGate> readinessGate(ApplicationAvailability availability,
			@Value("${spring.graphql.http.path:/graphql}") String path) {
		var registration = new FilterRegistrationBean<>(new ReadinessGate(availability));
		registration.addUrlPatterns(path);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ProtectiveHeaders> protectiveHeaders() {
		var registration = new FilterRegistrationBean<>(new ProtectiveHeaders());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * No MIME sniffing, no framing, no caching of answers (they change with every write); the same headers a
	 * Spring Security filter chain sends by default.
	 */
	static final class ProtectiveHeaders extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("X-Frame-Options", "DENY");
			response.setHeader("X-XSS-Protection", "0");
			response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
			response.setHeader("Pragma", "no-cache");
			response.setHeader("Expires", "0");
			chain.doFilter(request, response);
		}

	}

}
