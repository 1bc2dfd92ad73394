package dev.haidian.graph.links;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far {@code cityLinks} looks. In a large graph hundreds of thousands of entities have a footing in each of
 * two big cities, so the links are drawn from a bounded set of candidates found outwards from the city with
 * fewer footings (see {@link LinksService}); pages are slices of that one ordered set.
 *
 * @param maxCandidates most entities a cityLinks answer is drawn from; any page past them is empty
 */
@ConfigurationProperties("app.links")
public record CityLinksProperties(@DefaultValue("500") int maxCandidates) {
}
