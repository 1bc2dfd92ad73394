package dev.haidian.graph.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The service is an API without sessions or cookies: no CSRF tokens, no login page. Who may do what on
 * {@code /graphql} is decided by {@link GraphQlGuardFilter}; everything else (GraphiQL, its assets, health,
 * info) is open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, SecurityProperties properties,
			@Value("${spring.graphql.http.path:/graphql}") String path) {
		GraphQlGuardFilter guard = new GraphQlGuardFilter(new Credentials(properties), properties, path);
		return http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.addFilterAfter(guard, SecurityContextHolderFilter.class)
			.build();
	}

}
