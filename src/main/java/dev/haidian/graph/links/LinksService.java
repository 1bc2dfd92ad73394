package dev.haidian.graph.links;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

import dev.haidian.graph.query.BrowserLinks;
import dev.haidian.graph.query.Cursors;
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

	/**
	 * An entity with more relationships than this is a hub (a city, a busy building): {@code paths} looks for
	 * longer paths beside the shortest only when none of the shortest passes through one.
	 */
	static final int HUB = 10_000;

	static final String CITY_LINK_GRAPH = """
			MATCH (e:Entity {id: $entity}), (a:Entity {id: $cityA}), (b:Entity {id: $cityB})
			MATCH toA = SHORTEST 1 (e)-[x:%1$s WHERE x.retracted IS NULL]->{1,%2$d}(a)
			MATCH toB = SHORTEST 1 (e)-[y:%1$s WHERE y.retracted IS NULL]->{1,%2$d}(b)
			RETURN toA, toB""".formatted(FOOTING, FOOTING_HOPS);

	private final GraphReader reader;

	private final Limits limits;

	private final BrowserLinks browser;

	private final CityLinksProperties cityLinks;

	LinksService(GraphReader reader, Limits limits, BrowserLinks browser, CityLinksProperties cityLinks) {
		this.reader = reader;
		this.limits = limits;
		this.browser = browser;
		this.cityLinks = cityLinks;
	}

	/**
	 * The entities with a footing in both cities, shortest links first (the two paths' lengths added), then by name
	 * and id; one page of them, {@code first} after the cursor {@code after}.
	 *
	 * <p>
	 * The search goes outwards from the city with fewer footings ({@code near}, counted from the degree store). A
	 * direct footing in both cities is the shortest link there is, so the entities found along near's own footing
	 * relationships that also have one in the other city come first: when there are at least {@code maxCandidates}
	 * of them (two big cities, tens of thousands of such firms), the answer is drawn from the first ones found, by
	 * name, and only the page gets its paths worked out. Otherwise every entity within five footing hops of near (at
	 * most {@code maxCandidates}, breadth first) is a candidate, and each gets the shortest path to either city, as
	 * before. On a graph where neither bound is reached (the seed graph) this is every link there is, in the same
	 * order; a SHORTEST search from every entity in the graph timed out at a million firms.
	 *
	 * <p>
	 * Before a candidate gets its SHORTEST paths, it must reach both cities going upwards from itself ({@code t.id =},
	 * not {@code t =}, so that the planner does not turn it into a search from the city's end too). A SHORTEST search
	 * that finds nothing expands from both ends, and from a big city that is hundreds of thousands of relationships:
	 * 海淀区 and 上海 took 12.4 million db hits for 50 candidates without this check, 3,580 with it.
	 */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> cityLinks(String cityA, String cityB, Integer first, String after,
			DataFetchingFieldSelectionSet selection) {
		requireName("cityA", cityA);
		requireName("cityB", cityB);
		int size = this.limits.first(first, 20);
		int offset = Cursors.after(after);
		Projection projection = new Projection(this.limits.maxFirst());
		String bound = projection.parameter(this.cityLinks.maxCandidates());
		String skip = projection.parameter(offset);
		String limit = projection.parameter(size);
		String cypher = "CYPHER 25\n" + Resolve.clause(projection, "a", cityA, true)
				+ Resolve.clause(projection, "b", cityB, true) + """
				CALL (a, b) {
				  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
				  WITH a, b, COUNT { (a)<-[:%2$s]-() } <= COUNT { (b)<-[:%2$s]-() } AS fromA
				  WITH a, b, CASE WHEN fromA THEN a ELSE b END AS near, CASE WHEN fromA THEN b ELSE a END AS far
				  CALL (near, far) {
				    MATCH (near)<-[x:%2$s]-(e)
				    WHERE x.retracted IS NULL AND (%7$s)
				      AND EXISTS { (e)-[y:%2$s]->(far) WHERE y.retracted IS NULL }
				    WITH DISTINCT e LIMIT %4$s
				    RETURN collect(e) AS direct
				  }
				  WITH a, b, near, direct, size(direct) >= %4$s AS dense
				  CALL (near, direct, dense) {
				    WITH near WHERE NOT dense
				    MATCH (near)<-[x:%2$s WHERE x.retracted IS NULL]-{1,%3$d}(e:%1$s)
				    WITH DISTINCT e LIMIT %4$s
				    RETURN collect(e) AS reached
				  }
				  UNWIND CASE WHEN dense
				      THEN COLLECT { UNWIND direct AS e WITH e ORDER BY e.name, e.id SKIP %5$s LIMIT %6$s RETURN e }
				      ELSE (direct + [e IN reached WHERE NOT e IN direct])[..%4$s] END AS e
				  WITH a, b, dense, e WHERE dense
				    OR (EXISTS { (e)-[u:%2$s WHERE u.retracted IS NULL]->{1,%3$d}(t) WHERE t.id = a.id }
				      AND EXISTS { (e)-[v:%2$s WHERE v.retracted IS NULL]->{1,%3$d}(t) WHERE t.id = b.id })
				  MATCH toA = SHORTEST 1 (e)-[x:%2$s WHERE x.retracted IS NULL]->{1,%3$d}(a)
				  MATCH toB = SHORTEST 1 (e)-[y:%2$s WHERE y.retracted IS NULL]->{1,%3$d}(b)
				  WHERE NOT b IN nodes(toA) AND NOT a IN nodes(toB)
				  WITH dense, e, toA, toB ORDER BY length(toA) + length(toB), e.name, e.id
				  WITH dense, collect({e: e, toA: toA, toB: toB}) AS found
				  UNWIND CASE WHEN dense THEN found ELSE found[%5$s..%5$s + %6$s] END AS link
				  WITH link.e AS e, link.toA AS toA, link.toB AS toB
				  RETURN collect({
				    id: e.id,
				    entity: %8$s,
				    summary: e.name + ' (' + e.nameZh + '): '
				      + reduce(s = '', i IN range(0, length(toA) - 1) | s + ' -' + type(relationships(toA)[i]) + '-> ' + nodes(toA)[i + 1].name)
				      + ';' + reduce(s = '', i IN range(0, length(toB) - 1) | s + ' -' + type(relationships(toB)[i]) + '-> ' + nodes(toB)[i + 1].name),
				    paths: [%9$s, %10$s]
				  }) AS links
				}
				RETURN a.id AS cityA, b.id AS cityB, links, %11$s, %12$s
				""".formatted(ACTORS, FOOTING, FOOTING_HOPS, bound, skip, limit,
				ACTORS.replaceAll("(\\w+)", "e:$1").replace("|", " OR "),
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
			SingletonSupplier<Reproduction> reproduction = SingletonSupplier.of(() -> this.browser.reproduce(CITY_LINK_GRAPH,
					Map.of("entity", link.get("id"), "cityA", row.get("cityA"), "cityB", row.get("cityB"))));
			SingletonSupplier<String> browserUrl = SingletonSupplier.of(() -> reproduction.get().browserUrl());
			Map<String, Object> result = new LinkedHashMap<>(link);
			result.put("cursor", Cursors.at(offset + links.size()));
			result.put("cypher", reproduction);
			result.put("browserUrl", browserUrl);
			List<Map<String, Object>> paths = new ArrayList<>();
			for (Map<String, Object> path : (List<Map<String, Object>>) link.get("paths")) {
				Map<String, Object> withCypher = new LinkedHashMap<>(path);
				withCypher.put("cypher", reproduction);
				withCypher.put("browserUrl", browserUrl);
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
		String k = projection.parameter(count);
		// A quantifier's bounds must be literals in Cypher; hops is a validated int, not client text.
		// First up to k paths of the shortest length (ALL SHORTEST stops after k). Only when there are fewer, and
		// none of them passes through a hub, the k shortest of any length (SHORTEST k): that search keeps track of
		// several paths per node and, through a hub such as 杭州 (280,000 relationships at 1M), ran for minutes.
		String cypher = "CYPHER 25\n" + Resolve.clause(projection, "a", from, false)
				+ Resolve.clause(projection, "b", to, false) + """
				CALL (a, b) {
				  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
				  CALL (a, b) {
				    MATCH p = ALL SHORTEST (a)-[r WHERE r.retracted IS NULL]-{1,%2$d}(b)
				    RETURN p LIMIT %1$s
				  }
				  RETURN collect(p) AS shortest
				}
				CALL (a, b, shortest) {
				  WITH a, b WHERE 0 < size(shortest) < %1$s
				    AND all(p IN shortest WHERE all(n IN nodes(p) WHERE COUNT { (n)--() } <= %6$d))
				  MATCH p = SHORTEST %1$s (a)-[r WHERE r.retracted IS NULL]-{1,%2$d}(b)
				  RETURN collect(p) AS more
				}
				CALL (shortest, more) {
				  UNWIND CASE WHEN size(more) > size(shortest) THEN more ELSE shortest END AS p
				  WITH p ORDER BY length(p), [n IN nodes(p) | n.id]
				  RETURN collect(%3$s) AS paths
				}
				RETURN a.id AS from, b.id AS to, paths, size(more) > size(shortest) AS anyLength, %4$s, %5$s
				""".formatted(k, hops, projection.path("p", Projection.byKey(selection, null)),
				Resolve.returned("a"), Resolve.returned("b"), HUB);
		Map<String, Object> row = this.reader.one(cypher, projection.parameters());
		Resolve.require(row, "a", "from", from);
		Resolve.require(row, "b", "to", to);
		boolean sameLength = !Boolean.TRUE.equals(row.get("anyLength"));
		SingletonSupplier<Reproduction> reproduction = SingletonSupplier.of(() -> this.browser.reproduce(
				sameLength ? """
						MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
						MATCH p = ALL SHORTEST (a)-[r WHERE r.retracted IS NULL]-{1,%2$d}(b)
						RETURN p LIMIT %1$d""".formatted(count, hops) : """
						MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
						MATCH p = SHORTEST %1$d (a)-[r WHERE r.retracted IS NULL]-{1,%2$d}(b)
						RETURN p""".formatted(count, hops),
				Map.of("from", row.get("from"), "to", row.get("to"))));
		SingletonSupplier<String> browserUrl = SingletonSupplier.of(() -> reproduction.get().browserUrl());
		List<Map<String, Object>> paths = new ArrayList<>();
		for (Map<String, Object> path : (List<Map<String, Object>>) row.get("paths")) {
			Map<String, Object> result = new LinkedHashMap<>(path);
			result.put("cypher", reproduction);
			result.put("browserUrl", browserUrl);
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
