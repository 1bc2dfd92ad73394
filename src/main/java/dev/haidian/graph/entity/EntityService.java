package dev.haidian.graph.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.springframework.stereotype.Service;

import dev.haidian.graph.query.Cursors;
import dev.haidian.graph.query.GraphReader;
import dev.haidian.graph.query.InvalidArgumentException;
import dev.haidian.graph.query.Limits;
import dev.haidian.graph.query.Names;
import dev.haidian.graph.query.Ontology;
import dev.haidian.graph.query.Projection;
import dev.haidian.graph.query.Resolve;

/**
 * Finding entities: by name, by full-text search, and as filtered, sorted, paginated lists. Each method sends
 * one read statement whose projection is built from the GraphQL selection.
 */
@Service
public class EntityService {

	/** Containment: how an entity sits in a place, directly or through buildings, zones and districts. */
	static final String WITHIN = "LOCATED_IN|HEADQUARTERED_IN|HAS_RD_CENTER_IN|HAS_SUBSIDIARY_IN|PART_OF";

	private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

	private static final Map<String, String> ORDER = Map.of("NAME", "n.name", "NAME_ZH", "n.nameZh", "ID", "n.id",
			"DATE", "date");

	private final GraphReader reader;

	private final Limits limits;

	EntityService(GraphReader reader, Limits limits) {
		this.reader = reader;
		this.limits = limits;
	}

	public Map<String, Object> entity(String name, DataFetchingFieldSelectionSet selection) {
		requireText("name", name);
		Projection projection = new Projection(this.limits.maxFirst());
		String cypher = "CYPHER 25\n" + Resolve.clause(projection, "n", name, false)
				+ "RETURN CASE WHEN n IS NULL THEN null ELSE " + projection.entity("n", Projection.byKey(selection, null))
				+ " END AS entity";
		return asMap(this.reader.one(cypher, projection.parameters()).get("entity"));
	}

	public List<Object> search(String text, List<String> types, Integer first, DataFetchingFieldSelectionSet selection) {
		requireText("text", text);
		Projection projection = new Projection(this.limits.maxFirst());
		String key = projection.parameter(Names.key(text));
		String term = projection.parameter(Names.keywordQuery(Names.key(text)));
		String query = projection.parameter(fullText(text));
		String typeFilter = projection.parameter(Ontology.checkTypes("types", types));
		String limit = projection.parameter(this.limits.first(first, 10));
		// Without a type filter the best `first` of each index are enough for the best `first` of both, so Lucene
		// keeps only those: a common word (人工智能) matches 100,000s of names at a million firms, and reading them
		// all to sort took 0.5 s (23 ms with the limit). Equal scores at the cut are then Lucene's pick.
		String ranked = (types == null) ? ", {limit: " + limit + "}" : "";
		String cypher = """
				CYPHER 25
				CALL () {
				  CALL db.index.fulltext.queryNodes('Entity_nameKeys', %s) YIELD node
				  WHERE %s IN node.nameKeys RETURN node, 1000.0 AS score
				  UNION ALL
				  CALL db.index.fulltext.queryNodes('Entity_names', %s%s) YIELD node, score RETURN node, score
				}
				WITH node AS n, max(score) AS score
				WHERE %s IS NULL OR any(l IN labels(n) WHERE l IN %s)
				WITH n, score ORDER BY score DESC, n.id LIMIT %s
				RETURN collect(%s) AS entities
				""".formatted(term, key, query, ranked, typeFilter, typeFilter, limit,
				projection.entity("n", Projection.byKey(selection, null)));
		return asList(this.reader.one(cypher, projection.parameters()).get("entities"));
	}

	/**
	 * A page of entities of one label (or all), filtered and sorted.
	 * @param label the label, or null for any entity
	 */
	public Map<String, Object> list(String label, EntityFilter filter, EntityOrder order, Integer first, String after,
			DataFetchingFieldSelectionSet selection) {
		if (label != null) {
			Ontology.checkTypes("type", List.of(label));
		}
		EntityFilter f = (filter != null) ? filter : new EntityFilter(null, null, null, null, null, null);
		EntityOrder o = (order != null) ? order : new EntityOrder("NAME", "ASC");
		int size = this.limits.first(first, 20);
		int offset = Cursors.after(after);
		Projection projection = new Projection(this.limits.maxFirst());
		StringBuilder cypher = new StringBuilder("CYPHER 25\n");
		// Places the entities must sit in, directly or through containment; the first is walked down from.
		List<String> places = new ArrayList<>();
		if (f.area() != null) {
			cypher.append(Resolve.clause(projection, "area", f.area(), false));
			places.add("area");
		}
		if (f.city() != null) {
			cypher.append(Resolve.clause(projection, "city", f.city(), false));
			places.add("city");
		}
		List<String> filters = new ArrayList<>();
		if (f.name() != null) {
			filters.add("any(k IN n.nameKeys WHERE k CONTAINS " + projection.parameter(Names.key(f.name())) + ")");
		}
		if (f.kind() != null) {
			filters.add("n.kind = " + projection.parameter(f.kind()));
		}
		if (f.dateFrom() != null || f.dateTo() != null) {
			String from = projection.parameter(date("dateFrom", f.dateFrom()));
			String to = projection.parameter(date("dateTo", f.dateTo()));
			filters.add("EXISTS { MATCH (n)-[r]-() WHERE r.retracted IS NULL AND r.validFrom IS NOT NULL AND (" + from
					+ " IS NULL OR r.validFrom >= " + from + ") AND (" + to + " IS NULL OR r.validFrom <= " + to
					+ " OR r.validFrom STARTS WITH " + to + ") }");
		}
		List<String> within = places.stream()
			.map(v -> "(n = " + v + " OR EXISTS { (n)-[w:" + WITHIN + " WHERE w.retracted IS NULL]->{1,6}(" + v + ") })")
			.toList();
		// The label has been checked against the ontology's fixed list, so it is no client text; written out,
		// the count of an unfiltered label comes from Neo4j's count store instead of a scan.
		String labels = (label != null) ? "n:Entity:" + label : "n:Entity";
		String sortKey = ORDER.get(o.field());
		String direction = "DESC".equals(o.direction()) ? " DESC" : "";
		// The earliest dated fact is worked out only when it is the sort key.
		String dateValue = "DATE".equals(o.field())
				? "COLLECT { MATCH (n)-[r]-() WHERE r.validFrom IS NOT NULL RETURN r.validFrom ORDER BY r.validFrom LIMIT 1 }[0]"
				: "null";
		// Entity:<label> with the sort key IS NOT NULL (always true: the seed requires id, name and nameZh) lets the
		// planner read the Entity_name / Entity_nameZh / Entity_id index in order and stop after the page.
		List<String> indexed = new ArrayList<>();
		if (!"DATE".equals(o.field())) {
			indexed.add(sortKey + " IS NOT NULL");
		}
		String page = """
				WITH n, %1$s AS date
				ORDER BY %2$s%3$s, n.id%3$s
				SKIP %4$s LIMIT %5$s
				""".formatted(dateValue, sortKey, direction, projection.parameter(offset), projection.parameter(size));
		// The page is a top-k (ORDER BY … SKIP … LIMIT), never a sort of the whole label: at a million companies,
		// collecting and sorting them all took seconds. In a place, two ways, chosen by the place's size:
		// - a small place (under Projection.MAX_READ entities of the label inside it): walk down from it and sort
		//   what is there; reading the label in name order instead checked all million companies for a building
		//   with two (12 s, over the timeout);
		// - a large one (杭州: 280,857 companies): read the label in name order and keep those inside, which
		//   finds a page after a few dozen (27 ms) where walking down and sorting takes 0.7 s.
		String inside = "";
		// A name filter without a place: "part of a name" cannot use a range index, so reading the label in name
		// order checked every entity until the page was full (4 s for 月之暗面 among a million firms, and its count
		// timed out). Entity_nameKeys holds each normalised name as one term: a *part* wildcard finds the entities
		// with a name containing it (0.3 s at a million). Up to MAX_READ of them are sorted; more, and the label is
		// read in name order as before, where so common a part finds its page quickly.
		boolean byName = places.isEmpty() && f.name() != null;
		String max = String.valueOf(Projection.MAX_READ);
		if (byName) {
			cypher.append("CALL () {\nRETURN COLLECT { CALL db.index.fulltext.queryNodes('Entity_nameKeys', "
					+ projection.parameter(Names.containsQuery(Names.key(f.name()))) + ", {limit: " + max
					+ "}) YIELD node RETURN node } AS hits\n}\n");
			cypher.append("CALL (hits) {\nCALL (hits) {\nWHEN size(hits) < " + max + " THEN {\n")
				.append("UNWIND hits AS n\n")
				.append("WITH n WHERE " + String.join(" AND ", concat(List.of(labels.replace("n:Entity:", "n:")),
						concat(indexed, filters))) + "\n")
				.append(page)
				.append("RETURN n, date\n}\nELSE {\n")
				.append("MATCH (").append(labels).append(")\n")
				.append(where(concat(indexed, filters)))
				.append(page)
				.append("RETURN n, date\n}\n}\n")
				.append("WITH n, date ORDER BY " + sortKey + direction + ", n.id" + direction + "\n")
				.append("RETURN collect(n) AS items\n}\n");
		}
		else if (places.isEmpty()) {
			cypher.append("CALL () {\nMATCH (").append(labels).append(")\n")
				.append(where(concat(indexed, filters)))
				.append(page)
				.append("RETURN collect(n) AS items\n}\n");
		}
		else {
			String from = places.getFirst();
			String label1 = labels.replace("n:Entity:", "n:");
			inside = "CALL (" + from + ") {\n  WITH " + from + " AS n RETURN n\n  UNION\n  MATCH (n)-[w:" + WITHIN
					+ " WHERE w.retracted IS NULL]->{1,6}(" + from + ") RETURN n\n}\n";
			// One walk down from the place collects up to MAX_READ entities of the label inside it: fewer, and they
			// are all there is (sorted here; the count is their number); as many, and the label is read in name
			// order instead. A conditional query runs only its branch: with WHERE guards on a UNION, the planner
			// scanned the name index (1.3 million entries) before filtering on the guard.
			// A label with fewer members than that (universities) is cheaper to read whole than a large place
			// (北京) is to walk: its size comes from the count store.
			cypher.append("CALL () {\nMATCH (" + label1.replace("n:", "x:") + ") RETURN count(x) AS members\n}\n")
				.append("CALL (" + from + ", members) {\nWHEN members < " + max + " THEN {\nRETURN [] AS found, false AS walked\n}\n")
				.append("ELSE {\nWITH COLLECT { MATCH (" + label1.replace("n:", "x:") + ")-[w:" + WITHIN
						+ " WHERE w.retracted IS NULL]->{1,6}(" + from + ") RETURN DISTINCT x LIMIT " + max
						+ " } AS found\nRETURN found, size(found) < " + max + " AS walked\n}\n}\n");
			cypher.append("CALL (" + String.join(", ", places) + ", found, walked) {\n")
				.append("CALL (" + String.join(", ", places) + ", found, walked) {\n")
				.append("WHEN walked THEN {\n")
				.append("UNWIND found + [" + from + "] AS n\n")
				.append("WITH DISTINCT n WHERE " + String.join(" AND ", concat(List.of(label1), concat(indexed,
						concat(within.subList(1, within.size()), filters)))) + "\n")
				.append(page)
				.append("RETURN n, date\n}\nELSE {\n")
				.append("MATCH (").append(labels).append(")\n")
				.append(where(concat(indexed, concat(within, filters))))
				.append(page)
				.append("RETURN n, date\n}\n}\n")
				.append("WITH n, date ORDER BY " + sortKey + direction + ", n.id" + direction + "\n")
				.append("RETURN collect(n) AS items\n}\n");
		}
		// The count only when the answer shows it (totalCount, or pageInfo's hasNextPage); in a place, from what the
		// walk found or by walking down all the way (杭州: 0.5 s), never by checking every entity of the label.
		boolean counted = selection.contains("totalCount") || selection.contains("pageInfo");
		if (!counted) {
			cypher.append("CALL () { RETURN 0 AS total }\n");
		}
		else if (byName) {
			cypher.append("CALL (hits) {\nWHEN size(hits) < " + max + " THEN {\nUNWIND hits AS n\n")
				.append("WITH n WHERE " + String.join(" AND ", concat(List.of(labels.replace("n:Entity:", "n:")), filters))
						+ "\n")
				.append("RETURN count(n) AS total\n}\nELSE {\nMATCH (").append(labels.replace("n:Entity:", "n:"))
				.append(")\n")
				.append(where(filters))
				.append("RETURN count(n) AS total\n}\n}\n");
		}
		else if (places.isEmpty()) {
			cypher.append("CALL () {\nMATCH (").append(labels.replace("n:Entity:", "n:")).append(")\n")
				.append(where(filters))
				.append("RETURN count(n) AS total\n}\n");
		}
		else {
			String condition = String.join(" AND ", concat(List.of(labels.replace("n:Entity:", "n:")),
					concat(within.subList(1, within.size()), filters)));
			cypher.append("CALL (" + String.join(", ", places) + ", found, walked, members) {\n")
				.append("WHEN walked THEN {\n")
				.append("UNWIND found + [" + places.getFirst() + "] AS n\n")
				.append("WITH DISTINCT n WHERE " + condition + "\n")
				.append("RETURN count(n) AS total\n}\n")
				.append("WHEN members < " + max + " THEN {\n")
				.append("MATCH (" + labels + ")\n")
				.append(where(concat(within, filters)))
				.append("RETURN count(n) AS total\n}\nELSE {\n")
				.append(inside)
				.append("WITH n WHERE " + condition + "\n")
				.append("RETURN count(n) AS total\n}\n}\n");
		}
		cypher.append("""
				RETURN %1$stotal,
				       [i IN range(0, size(items) - 1) | {index: %2$s + i, node: %3$s}] AS page
				""".formatted(
				(f.area() != null ? Resolve.returned("area") + ", " : "") + (f.city() != null ? Resolve.returned("city") + ", " : ""),
				projection.parameter(offset), projection.entity("items[i]", Projection.byKey(selection, "edges/node"))));
		Map<String, Object> row = this.reader.one(cypher.toString(), projection.parameters());
		Resolve.require(row, "area", "filter.area", f.area());
		Resolve.require(row, "city", "filter.city", f.city());
		return Pages.connection(row, offset);
	}

	private static String where(List<String> conditions) {
		return conditions.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", conditions) + "\n";
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	static String fullText(String text) {
		String terms = Names.luceneTerms(text);
		return terms.isEmpty() ? "\"\"" : terms;
	}

	private static String date(String argument, String value) {
		if (value != null && !DATE.matcher(value).matches()) {
			throw new InvalidArgumentException(argument, "'" + value + "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
		}
		return value;
	}

	static void requireText(String argument, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidArgumentException(argument, "must not be blank");
		}
		if (value.length() > 200) {
			throw new InvalidArgumentException(argument, "is longer than 200 characters");
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> asMap(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Object> asList(Object value) {
		return (List<Object>) value;
	}

}
