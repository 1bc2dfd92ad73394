package dev.haidian.graph.query;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on what one GraphQL request may ask for.
 *
 * @param maxFirst largest page size ({@code first}) of any list
 * @param maxDepth deepest selection nesting
 * @param maxComplexity largest query complexity (one point per selected field)
 * @param maxHops longest path {@code paths} and {@code cityLinks} search
 * @param maxWithinKm largest radius of {@code firmsNear}
 * @param timeout Cypher transaction timeout of one request
 */
@ConfigurationProperties("app.graphql.limits")
public record Limits(@DefaultValue("100") int maxFirst, @DefaultValue("12") int maxDepth,
		@DefaultValue("500") int maxComplexity, @DefaultValue("6") int maxHops,
		@DefaultValue("50") double maxWithinKm, @DefaultValue("5s") Duration timeout) {

	/** Validates a page size: absent means {@code fallback}; otherwise 1..max. */
	public static int first(Object value, int fallback, int max) {
		if (value == null) {
			return fallback;
		}
		int first = ((Number) value).intValue();
		if (first < 1 || first > max) {
			throw new InvalidArgumentException("first", "must be between 1 and " + max + " (was " + first + ")");
		}
		return first;
	}

	public int first(Integer value, int fallback) {
		return first(value, fallback, this.maxFirst);
	}

}
