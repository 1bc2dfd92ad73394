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
		String isLabel = (label != null) ? "n:" + label : "n:Entity";
		String sortKey = ORDER.get(o.field());
		String direction = "DESC".equals(o.direction()) ? " DESC" : "";
		// The earliest dated fact is worked out only when it is the sort key.
		String dateValue = "DATE".equals(o.field())
				? "COLLECT { MATCH (n)-[r]-() WHERE r.validFrom IS NOT NULL RETURN r.validFrom ORDER BY r.validFrom LIMIT 1 }[0]"
				: "null";
		// Entity:<label> with the sort key IS NOT NULL (always true: the seed requires id, name and nameZh) lets the
		// planner read the Entity_name / Entity_nameZh / Entity_id index in order and stop after the page.
		List<String> indexed = "DATE".equals(o.field()) ? List.of() : List.of(sortKey + " IS NOT NULL");
		String sorting = "ORDER BY " + sortKey + direction + ", n.id" + direction + "\n";
		String page = "WITH n, " + dateValue + " AS date\n" + sorting + "SKIP " + projection.parameter(offset) + " LIMIT "
				+ projection.parameter(size) + "\n";
		// The page is a top-k (ORDER BY … SKIP … LIMIT), never a sort of the whole label: at a million companies,
		// collecting and sorting them all took seconds. It is read one of two ways:
		// - scan: the label in sort order (an index), keeping what passes the filters, until the page is full; fast
		//   when many entities pass, and the only way when nothing narrows the candidates down;
		// - from candidates: at most Projection.MAX_READ entities found through a filter (those inside a place, or
		//   whose name contains a part), sorted. A building with two tenants took 12 s to scan for at a million
		//   companies (over the timeout), and a name part 4 s.
		// Conditional queries (WHEN … ELSE) choose; as UNION branches with WHERE guards the planner scanned the
		// name index (1.3 million entries) before filtering on the guard.
		String scan = "MATCH (n:Entity" + ((label != null) ? ":" + label : "") + ")\n"
				+ where(concat(indexed, concat(within, filters))) + page + "RETURN n, date\n";
		String max = String.valueOf(Projection.MAX_READ);
		String counted;
		String sorted;
		if (!places.isEmpty()) {
			String from = places.getFirst();
			String vars = String.join(", ", places);
			String member = isLabel.replace("n:", "x:");
			// What the candidates found below the first place must pass besides the label: the other place, filters.
			List<String> rest = concat(within.subList(1, within.size()), filters);
			// One walk down from the place collects up to MAX_READ entities of the label inside it: fewer, and they
			// are all there is; as many, and the label is scanned (杭州: 280,857 companies, a page after a few
			// dozen). A label with fewer members than that (universities) is cheaper to scan than a large place
			// (北京) is to walk: its size comes from the count store.
			cypher.append("CALL () {\nMATCH (" + member + ") RETURN count(x) AS members\n}\n")
				.append(choose("CALL (" + from + ", members) {\n", List.of(Map.entry("members < " + max,
						"RETURN [] AS found, false AS walked\n")), "WITH COLLECT { MATCH (" + member + ")-[w:" + WITHIN
						+ " WHERE w.retracted IS NULL]->{1,6}(" + from + ") RETURN DISTINCT x LIMIT "
						+ max + " } AS found\nRETURN found, size(found) < " + max + " AS walked\n"));
			String found = "found + [" + from + "]";
			sorted = items("CALL (" + vars + ", found, walked) {\n", sorting, choose("CALL (" + vars + ", found, walked) {\n",
					List.of(Map.entry("walked", candidates(found, concat(List.of(isLabel), concat(indexed, rest)), page))),
					scan));
			String all = "CALL (" + from + ") {\n  WITH " + from + " AS n RETURN n\n  UNION\n  MATCH (n)-[w:" + WITHIN
					+ " WHERE w.retracted IS NULL]->{1,6}(" + from + ") RETURN n\n}\n"
					+ "WITH n WHERE " + String.join(" AND ", concat(List.of(isLabel), rest)) + "\n"
					+ "RETURN count(n) AS total\n";
			counted = choose("CALL (" + vars + ", found, walked, members) {\n",
					List.of(Map.entry("walked", countOf(found, concat(List.of(isLabel), rest))),
							Map.entry("members < " + max, "MATCH (" + isLabel + ")\n" + where(concat(within, filters))
									+ "RETURN count(n) AS total\n")),
					all);
		}
		else if (f.name() != null) {
			// Entity_nameKeys holds each normalised name as one term: a *part* wildcard finds the entities with a
			// name containing it (0.3 s at a million). More than MAX_READ, and the label is scanned, where so
			// common a part finds its page quickly.
			cypher.append("CALL () {\nRETURN COLLECT { CALL db.index.fulltext.queryNodes('Entity_nameKeys', "
					+ projection.parameter(Names.containsQuery(Names.key(f.name()))) + ", {limit: " + max
					+ "}) YIELD node RETURN node } AS hits\n}\n");
			sorted = items("CALL (hits) {\n", sorting, choose("CALL (hits) {\n", List.of(Map.entry("size(hits) < " + max,
					candidates("hits", concat(List.of(isLabel), concat(indexed, filters)), page))), scan));
			counted = choose("CALL (hits) {\n", List.of(Map.entry("size(hits) < " + max,
					countOf("hits", concat(List.of(isLabel), filters)))), "MATCH (" + isLabel + ")\n" + where(filters)
							+ "RETURN count(n) AS total\n");
		}
		else {
			sorted = items("CALL () {\n", sorting, "CALL () {\n" + scan + "}\n");
			counted = "CALL () {\nMATCH (" + isLabel + ")\n" + where(filters) + "RETURN count(n) AS total\n}\n";
		}
		cypher.append(sorted);
		// The count only when the answer shows it (totalCount, or pageInfo's hasNextPage); in a place, from what the
		// walk found or by walking down all the way (杭州: 0.5 s), never by checking every entity of the label.
		boolean shown = selection.contains("totalCount") || selection.contains("pageInfo");
		cypher.append(shown ? counted : "CALL () { RETURN 0 AS total }\n");
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

	/** {@code CALL (…) { WHEN test THEN { query } … ELSE { otherwise } }}: only the first branch whose test holds runs. */
	private static String choose(String call, List<Map.Entry<String, String>> branches, String otherwise) {
		StringBuilder text = new StringBuilder(call);
		branches.forEach(b -> text.append("WHEN ").append(b.getKey()).append(" THEN {\n").append(b.getValue()).append("}\n"));
		return text.append("ELSE {\n").append(otherwise).append("}\n}\n").toString();
	}

	/** The page's rows in order, collected as {@code items}. */
	private static String items(String call, String order, String rows) {
		return call + rows + "WITH n, date " + order + "RETURN collect(n) AS items\n}\n";
	}

	/** A page from a list of candidate entities: those that pass {@code conditions}, sorted. */
	private static String candidates(String list, List<String> conditions, String page) {
		return "UNWIND " + list + " AS n\nWITH DISTINCT n WHERE " + String.join(" AND ", conditions) + "\n" + page
				+ "RETURN n, date\n";
	}

	/** How many of a list of candidate entities pass {@code conditions}. */
	private static String countOf(String list, List<String> conditions) {
		return "UNWIND " + list + " AS n\nWITH DISTINCT n WHERE " + String.join(" AND ", conditions) + "\n"
				+ "RETURN count(n) AS total\n";
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
