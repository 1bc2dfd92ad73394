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
		String cypher = """
				CYPHER 25
				CALL () {
				  CALL db.index.fulltext.queryNodes('Entity_nameKeys', %s) YIELD node
				  WHERE %s IN node.nameKeys RETURN node, 1000.0 AS score
				  UNION ALL
				  CALL db.index.fulltext.queryNodes('Entity_names', %s) YIELD node, score RETURN node, score
				}
				WITH node AS n, max(score) AS score
				WHERE %s IS NULL OR any(l IN labels(n) WHERE l IN %s)
				WITH n, score ORDER BY score DESC, n.id LIMIT %s
				RETURN collect(%s) AS entities
				""".formatted(term, key, query, typeFilter, typeFilter, limit,
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
		List<String> where = new ArrayList<>();
		if (f.area() != null) {
			cypher.append(Resolve.clause(projection, "area", f.area(), false));
			where.add("(n = area OR EXISTS { (n)-[w:" + WITHIN + " WHERE w.retracted IS NULL]->{1,6}(area) })");
		}
		if (f.city() != null) {
			cypher.append(Resolve.clause(projection, "city", f.city(), false));
			where.add("(n = city OR EXISTS { (n)-[w:" + WITHIN + " WHERE w.retracted IS NULL]->{1,6}(city) })");
		}
		List<String> scope = new ArrayList<>();
		if (f.area() != null) {
			scope.add("area");
		}
		if (f.city() != null) {
			scope.add("city");
		}
		// Two subqueries (one for the page, one for the count), so that there is one row (and the resolved names)
		// even when nothing matches. The page is a top-k (ORDER BY … SKIP … LIMIT), never a sort of the whole
		// label: at a million companies, collecting and sorting them all took seconds.
		String imports = "CALL (" + String.join(", ", scope) + ") {\n";
		StringBuilder match = new StringBuilder();
		// The label has been checked against the ontology's fixed list, so it is no client text; written out,
		// the count of an unfiltered label comes from Neo4j's count store instead of a scan.
		match.append((label != null) ? "MATCH (n:" + label + ")\n" : "MATCH (n:Entity)\n");
		if (f.name() != null) {
			where.add("any(k IN n.nameKeys WHERE k CONTAINS " + projection.parameter(Names.key(f.name())) + ")");
		}
		if (f.kind() != null) {
			where.add("n.kind = " + projection.parameter(f.kind()));
		}
		if (f.dateFrom() != null || f.dateTo() != null) {
			String from = projection.parameter(date("dateFrom", f.dateFrom()));
			String to = projection.parameter(date("dateTo", f.dateTo()));
			where.add("EXISTS { MATCH (n)-[r]-() WHERE r.retracted IS NULL AND r.validFrom IS NOT NULL AND (" + from
					+ " IS NULL OR r.validFrom >= " + from + ") AND (" + to + " IS NULL OR r.validFrom <= " + to
					+ " OR r.validFrom STARTS WITH " + to + ") }");
		}
		if (!where.isEmpty()) {
			match.append("WHERE ").append(String.join("\n  AND ", where)).append('\n');
		}
		String sortKey = ORDER.get(o.field());
		String direction = "DESC".equals(o.direction()) ? " DESC" : "";
		// The earliest dated fact is worked out only when it is the sort key.
		String dateValue = "DATE".equals(o.field())
				? "COLLECT { MATCH (n)-[r]-() WHERE r.validFrom IS NOT NULL RETURN r.validFrom ORDER BY r.validFrom LIMIT 1 }[0]"
				: "null";
		String skip = projection.parameter(offset);
		// Entity:<label> with the sort key IS NOT NULL (always true: the seed requires id, name and nameZh) lets the
		// planner read the Entity_name / Entity_nameZh / Entity_id index in order and stop after the page.
		String ordered = match.toString().replaceFirst("MATCH \\(n:", "MATCH (n:Entity:")
			.replace("(n:Entity:Entity)", "(n:Entity)");
		if (!"DATE".equals(o.field())) {
			ordered = ordered.contains("\nWHERE ") ? ordered.replaceFirst("\nWHERE ", "\nWHERE " + sortKey + " IS NOT NULL\n  AND ")
					: ordered + "WHERE " + sortKey + " IS NOT NULL\n";
		}
		cypher.append(imports).append(ordered).append("""
				WITH n, %1$s AS date
				ORDER BY %2$s%3$s, n.id%3$s
				SKIP %4$s LIMIT %5$s
				RETURN collect(n) AS items
				}
				""".formatted(dateValue, sortKey, direction, skip, projection.parameter(size)));
		cypher.append(imports).append(match).append("RETURN count(n) AS total\n}\n");
		cypher.append("""
				RETURN %1$stotal,
				       [i IN range(0, size(items) - 1) | {index: %2$s + i, node: %3$s}] AS page
				""".formatted(
				(f.area() != null ? Resolve.returned("area") + ", " : "") + (f.city() != null ? Resolve.returned("city") + ", " : ""),
				skip, projection.entity("items[i]", Projection.byKey(selection, "edges/node"))));
		Map<String, Object> row = this.reader.one(cypher.toString(), projection.parameters());
		Resolve.require(row, "area", "filter.area", f.area());
		Resolve.require(row, "city", "filter.city", f.city());
		return Pages.connection(row, offset);
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
