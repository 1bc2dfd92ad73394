package dev.haidian.graph.http;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlHandler;

/**
 * Serves JSON POSTs on the GraphQL path with {@link GraphQlPostEndpoint}, after the readiness gate and the guard.
 * Only in a web application: a notebook run ({@code app.notebook.run}) or a bulk import without a web server
 * has no {@link WebGraphQlHandler} to hand requests to.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class GraphQlPostRoute {

	@Bean
	FilterRegistrationBean<GraphQlPostEndpoint> graphQlPostEndpoint(WebGraphQlHandler handler, JsonMapper json,
			@Value("${spring.graphql.http.path:/graphql}") String path) {
		var registration = new FilterRegistrationBean<>(new GraphQlPostEndpoint(handler, json));
		registration.addUrlPatterns(path);
		// after ReadinessGate (+5) and GraphQlGuardFilter (+10): only what they let through is answered
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}
