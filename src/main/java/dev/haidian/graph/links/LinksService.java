package dev.haidian.graph.links;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.springframework.stereotype.Service;

import dev.haidian.graph.query.BrowserLinks;
import dev.haidian.graph.query.GraphReader;
import dev.haidian.graph.query.InvalidArgumentException;
import dev.haidian.graph.query.Limits;
import dev.haidian.graph.query.Projection;
import dev.haidian.graph.query.Reproduction;
import dev.haidian.graph.query.Resolve;

/**
 * Relationship questions across the graph: what ties two cities together, and how any two entities connect.
 * Each answer is one statement; every step of every path carries its evidence.
 */
@Service
public class LinksService {

	/**
	 * A footing in a place: being located, headquartered, doing R&D, having a subsidiary, having started, operating,
	 * working, founding or studying there, or belonging to a grouping of its firms (杭州六小龙), directly or through the buildings, zones and districts containing it.
	 */
	static final String FOOTING = "LOCATED_IN|PART_OF|HEADQUARTERED_IN|HAS_RD_CENTER_IN|HAS_SUBSIDIARY_IN|STARTED_IN"
			+ "|OPERATES_IN|WORKS_AT|FOUNDED|ALUMNUS_OF|MEMBER_OF";

	/** Entities that can have a footing somewhere (places contain, they do not link). */
	static final String ACTORS = "Company|Person|University|Institute|GovernmentBody";

	/** Longest footing path: entity → organisation → building → zone → district → city. */
	static final int FOOTING_HOPS = 5;

	static final String CITY_LINK_GRAPH = """
			MATCH (e:Entity {id: $entity}), (a:Entity {id: $cityA}), (b:Entity {id: $cityB})
			MATCH toA = SHORTEST 1 (e)-[x:%1$s WHERE x.retracted IS NULL]->{1,%2$d}(a)
			MATCH toB = SHORTEST 1 (e)-[y:%1$s WHERE y.retracted IS NULL]->{1,%2$d}(b)
			RETURN toA, toB""".formatted(FOOTING, FOOTING_HOPS);

	private final GraphReader reader;

	private final Limits limits;

	private final BrowserLinks browser;

	LinksService(GraphReader reader, Limits limits, BrowserLinks browser) {
		this.reader = reader;
		this.limits = limits;
		this.browser = browser;
	}

	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> cityLinks(String cityA, String cityB, DataFetchingFieldSelectionSet selection) {
		requireName("cityA", cityA);
		requireName("cityB", cityB);
		Projection projection = new Projection(this.limits.maxFirst());
		String cypher = "CYPHER 25\n" + Resolve.clause(projection, "a", cityA, true)
				+ Resolve.clause(projection, "b", cityB, true) + """
				CALL (a, b) {
				  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
				  MATCH toA = SHORTEST 1 (e:%1$s)-[x:%2$s WHERE x.retracted IS NULL]->{1,%3$d}(a)
				  MATCH toB = SHORTEST 1 (e)-[y:%2$s WHERE y.retracted IS NULL]->{1,%3$d}(b)
				  WHERE NOT b IN nodes(toA) AND NOT a IN nodes(toB)
				  WITH e, toA, toB ORDER BY length(toA) + length(toB), e.name, e.id
				  RETURN collect({
				    id: e.id,
				    entity: %4$s,
				    summary: e.name + ' (' + e.nameZh + '): '
				      + reduce(s = '', i IN range(0, length(toA) - 1) | s + ' -' + type(relationships(toA)[i]) + '-> ' + nodes(toA)[i + 1].name)
				      + ';' + reduce(s = '', i IN range(0, length(toB) - 1) | s + ' -' + type(relationships(toB)[i]) + '-> ' + nodes(toB)[i + 1].name),
				    paths: [%5$s, %6$s]
				  }) AS links
				}
				RETURN a.id AS cityA, b.id AS cityB, links, %7$s, %8$s
				""".formatted(ACTORS, FOOTING, FOOTING_HOPS,
				projection.entity("e", Projection.byKey(selection, "entity")),
				projection.path("toA", Projection.byKey(selection, "paths")),
				projection.path("toB", Projection.byKey(selection, "paths")), Resolve.returned("a"), Resolve.returned("b"));
		Map<String, Object> row = this.reader.one(cypher, projection.parameters());
		Resolve.require(row, "a", "cityA", cityA);
		Resolve.require(row, "b", "cityB", cityB);
		if (row.get("cityA").equals(row.get("cityB"))) {
			throw new InvalidArgumentException("cityB", "names the same place as cityA");
		}
		List<Map<String, Object>> links = new ArrayList<>();
		for (Map<String, Object> link : (List<Map<String, Object>>) row.get("links")) {
			Reproduction reproduction = this.browser.reproduce(CITY_LINK_GRAPH,
					Map.of("entity", link.get("id"), "cityA", row.get("cityA"), "cityB", row.get("cityB")));
			Map<String, Object> result = new LinkedHashMap<>(link);
			result.put("cypher", reproduction);
			result.put("browserUrl", reproduction.browserUrl());
			List<Map<String, Object>> paths = new ArrayList<>();
			for (Map<String, Object> path : (List<Map<String, Object>>) link.get("paths")) {
				Map<String, Object> withCypher = new LinkedHashMap<>(path);
				withCypher.put("cypher", reproduction);
				withCypher.put("browserUrl", reproduction.browserUrl());
				paths.add(withCypher);
			}
			result.put("paths", paths);
			links.add(result);
		}
		return links;
	}

	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> paths(String from, String to, Integer maxHops, Integer first,
			DataFetchingFieldSelectionSet selection) {
		requireName("from", from);
		requireName("to", to);
		int hops = (maxHops == null) ? 4 : maxHops;
		if (hops < 1 || hops > this.limits.maxHops()) {
			throw new InvalidArgumentException("maxHops",
					"must be between 1 and " + this.limits.maxHops() + " (was " + hops + ")");
		}
		int count = this.limits.first(first, 5);
		Projection projection = new Projection(this.limits.maxFirst());
		// A quantifier's bounds must be literals in Cypher; hops is a validated int, not client text.
		String cypher = "CYPHER 25\n" + Resolve.clause(projection, "a", from, false)
				+ Resolve.clause(projection, "b", to, false) + """
				CALL (a, b) {
				  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
				  MATCH p = SHORTEST %1$s (a)-[r WHERE r.retracted IS NULL]-{1,%2$d}(b)
				  WITH p ORDER BY length(p), [n IN nodes(p) | n.id]
				  RETURN collect(%3$s) AS paths
				}
				RETURN a.id AS from, b.id AS to, paths, %4$s, %5$s
				""".formatted(projection.parameter(count), hops, projection.path("p", Projection.byKey(selection, null)),
				Resolve.returned("a"), Resolve.returned("b"));
		Map<String, Object> row = this.reader.one(cypher, projection.parameters());
		Resolve.require(row, "a", "from", from);
		Resolve.require(row, "b", "to", to);
		Reproduction reproduction = this.browser.reproduce("""
				MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
				MATCH p = SHORTEST %d (a)-[r WHERE r.retracted IS NULL]-{1,%d}(b)
				RETURN p""".formatted(count, hops), Map.of("from", row.get("from"), "to", row.get("to")));
		List<Map<String, Object>> paths = new ArrayList<>();
		for (Map<String, Object> path : (List<Map<String, Object>>) row.get("paths")) {
			Map<String, Object> result = new LinkedHashMap<>(path);
			result.put("cypher", reproduction);
			result.put("browserUrl", reproduction.browserUrl());
			paths.add(result);
		}
		return paths;
	}

	private static void requireName(String argument, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidArgumentException(argument, "must not be blank");
		}
	}


}
