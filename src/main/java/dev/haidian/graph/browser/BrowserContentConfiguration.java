package dev.haidian.graph.browser;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets Neo4j Browser fetch our guide and GraSS style from this app.
 *
 * <p>
 * Browser runs on Neo4j's HTTP port (7474), a different origin from this app, and fetches {@code :play} and
 * {@code :style} URLs with script (with no-cache headers, so the request is preflighted): without CORS headers
 * it may not read them. The files under {@code static/neo4j-browser/} are public documentation, read-only and
 * fetched without credentials, so any origin may read them; this also covers Browser on the docker-compose
 * Neo4j and on another port.
 */
@Configuration(proxyBeanMethods = false)
class BrowserContentConfiguration implements WebMvcConfigurer {

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping("/neo4j-browser/**").allowedOrigins("*").allowedMethods("GET", "HEAD").allowedHeaders("*");
	}

}
