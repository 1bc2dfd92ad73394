package dev.haidian.graph.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;

/**
 * Turns the GraphQL selection under an entity-typed field into one Cypher map projection, so that a whole
 * request, however deeply it follows relations, is answered by a single statement (no N+1).
 *
 * <p>
 * Only names fixed by the GraphQL schema (which graphql-java has already validated the request against) and
 * relationship types from the constant tables below become Cypher text; every argument value a client sends
 * becomes a {@code $parameter}. Nested relations use {@code COLLECT} subqueries so they can be ordered and
 * limited.
 */
public final class Projection {

	/** Typed fields that list related entities: relationship types and direction. */
	private static final Map<String, Hop> ENTITY_LISTS = Map.ofEntries(
			Map.entry("locations", new Hop("LOCATED_IN|HEADQUARTERED_IN|HAS_RD_CENTER_IN|HAS_SUBSIDIARY_IN", true)),
			Map.entry("headquarters", new Hop("HEADQUARTERED_IN", true)),
			Map.entry("founders", new Hop("FOUNDED", false)), Map.entry("products", new Hop("RELEASED", true)),
			Map.entry("backers", new Hop("BACKED_BY", true)),
			Map.entry("tenants", new Hop("LOCATED_IN|HEADQUARTERED_IN|HAS_RD_CENTER_IN", false)),
			Map.entry("partOf", new Hop("PART_OF|LOCATED_IN", true)),
			Map.entry("alumniOf", new Hop("ALUMNUS_OF", true)), Map.entry("founded", new Hop("FOUNDED", true)),
			Map.entry("worksAt", new Hop("WORKS_AT", true)), Map.entry("alumni", new Hop("ALUMNUS_OF", false)),
			Map.entry("describes", new Hop("DESCRIBES", true)), Map.entry("reportedBy", new Hop("REPORTED_BY", true)),
			Map.entry("statistics", new Hop("DESCRIBES", false)), Map.entry("appliesTo", new Hop("APPLIES_TO", true)));

	/** Typed fields that list relations (with their evidence) of fixed types. */
	private static final Map<String, Hop> RELATION_LISTS = Map.of("issuedBy", new Hop("ISSUED", false), "releasedBy",
			new Hop("RELEASED", false), "issued", new Hop("ISSUED", true), "employments", new Hop("WORKS_AT", true));

	/** Scalar fields read straight from a node property of the same name. */
	private static final List<String> PROPERTIES = List.of("id", "name", "nameZh", "description", "kind", "address",
			"publisher", "author", "published", "url", "file", "measure", "value", "unit", "asOf", "date");

	private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]*");

	/**
	 * Most relationships of one entity read to order a list of its relations or related entities: up to this many
	 * the list is the first by name; beyond (a city with 475,000 firms at a million) it is ordered from the first
	 * this many found, so that a hub answers in tens of milliseconds instead of a second or a timeout.
	 */
	public static final int MAX_READ = 10_000;

	/** A relationship hop: types joined by {@code |}, outgoing or incoming. */
	private record Hop(String types, boolean outgoing) {
	}

	private final Map<String, Object> parameters = new LinkedHashMap<>();

	private final int maxFirst;

	private int names;

	public Projection(int maxFirst) {
		this.maxFirst = maxFirst;
	}

	public Map<String, Object> parameters() {
		return this.parameters;
	}

	/** Adds a parameter and returns its placeholder. */
	public String parameter(Object value) {
		String name = "p" + this.parameters.size();
		this.parameters.put(name, value);
		return "$" + name;
	}

	private String variable(String prefix) {
		return prefix + (this.names++);
	}

	/**
	 * The selection at {@code path} (field names separated by {@code /}, null for the top) below a root field,
	 * grouped by response key, fragments on several types merged.
	 */
	public static Map<String, List<SelectedField>> byKey(DataFetchingFieldSelectionSet selection, String path) {
		Map<String, List<SelectedField>> level = new LinkedHashMap<>();
		for (SelectedField field : selection.getImmediateFields()) {
			if (!field.getName().startsWith("__")) {
				level.computeIfAbsent(field.getResultKey(), k -> new ArrayList<>()).add(field);
			}
		}
		if (path == null) {
			return level;
		}
		for (String name : path.split("/")) {
			List<SelectedField> matching = level.values()
				.stream()
				.flatMap(List::stream)
				.filter(f -> f.getName().equals(name))
				.toList();
			level = below(matching);
		}
		return level;
	}

	private static Map<String, List<SelectedField>> below(List<SelectedField> fields) {
		Map<String, List<SelectedField>> merged = new LinkedHashMap<>();
		for (SelectedField field : fields) {
			for (SelectedField child : field.getSelectionSet().getImmediateFields()) {
				if (!child.getName().startsWith("__")) {
					merged.computeIfAbsent(child.getResultKey(), k -> new ArrayList<>()).add(child);
				}
			}
		}
		return merged;
	}

	/** Map projection of the entity that {@code node} (a variable or an expression) evaluates to. */
	public String entity(String node, Map<String, List<SelectedField>> selection) {
		if (!node.matches("[a-z][a-z0-9]*")) {
			// Subqueries need a variable to start their patterns from.
			String v = variable("v");
			return "head([" + v + " IN [" + node + "] | " + entity(v, selection) + "])";
		}
		List<String> entries = new ArrayList<>();
		entries.add("id: " + node + ".id");
		entries.add("type: head([l IN labels(" + node + ") WHERE l <> 'Entity'])");
		selection.forEach((key, fields) -> {
			String name = fields.getFirst().getName();
			String value;
			if (PROPERTIES.contains(name)) {
				value = node + "." + name;
			}
			else if (name.equals("type")) {
				return;
			}
			else if (name.equals("aliases")) {
				value = "coalesce(" + node + ".aliases, [])";
			}
			else if (name.equals("title")) {
				value = node + ".nameZh";
			}
			else if (name.equals("location")) {
				value = "CASE WHEN " + node + ".location IS NULL THEN null ELSE {latitude: " + node
						+ ".location.latitude, longitude: " + node + ".location.longitude, precision: " + node
						+ ".locationPrecision, source: " + node + ".locationSource} END";
			}
			else if (name.equals("relations")) {
				value = relations(node, fields);
			}
			else if (ENTITY_LISTS.containsKey(name)) {
				value = related(node, ENTITY_LISTS.get(name), below(fields));
			}
			else if (RELATION_LISTS.containsKey(name)) {
				Hop hop = RELATION_LISTS.get(name);
				value = relationList(node, hop.types(), hop.outgoing() ? "OUT" : "IN", null, below(fields));
			}
			else {
				throw new IllegalStateException("No Cypher projection for the field " + name);
			}
			entries.add(quoteKey(key) + ": " + value);
		});
		return "{" + String.join(", ", entries) + "}";
	}

	private String related(String node, Hop hop, Map<String, List<SelectedField>> selection) {
		String r = variable("r");
		String m = variable("m");
		String pattern = hop.outgoing() ? "(" + node + ")-[" + r + ":" + hop.types() + "]->(" + m + ":Entity)"
				: "(" + node + ")<-[" + r + ":" + hop.types() + "]-(" + m + ":Entity)";
		return "COLLECT { MATCH " + pattern + " WHERE " + r + ".retracted IS NULL WITH DISTINCT " + node + ", " + m
				+ " LIMIT " + MAX_READ + " RETURN " + entity(m, selection) + " ORDER BY " + m + ".name LIMIT "
				+ this.maxFirst + " }";
	}

	private String relations(String node, List<SelectedField> fields) {
		Map<String, Object> arguments = fields.getFirst().getArguments();
		@SuppressWarnings("unchecked")
		List<String> types = (List<String>) arguments.get("types");
		if (types != null) {
			types.forEach(t -> {
				if (!TYPE.matcher(t).matches()) {
					throw new InvalidArgumentException("types",
							"'" + t + "' is not a relationship type (UPPER_SNAKE, e.g. LOCATED_IN)");
				}
			});
		}
		Object direction = arguments.getOrDefault("direction", "BOTH");
		int first = Limits.first(arguments.get("first"), 50, this.maxFirst);
		return relationList(node, null, String.valueOf(direction), types, below(fields), first);
	}

	private String relationList(String node, String fixedTypes, String direction, List<String> types,
			Map<String, List<SelectedField>> selection) {
		return relationList(node, fixedTypes, direction, types, selection, this.maxFirst);
	}

	private String relationList(String node, String fixedTypes, String direction, List<String> types,
			Map<String, List<SelectedField>> selection, int first) {
		if (types != null && types.isEmpty()) {
			return "[]";
		}
		String r = variable("r");
		String m = variable("m");
		// Types asked for are written into the pattern (they match TYPE, checked in relations), so that only their
		// relationships are read: on a node with 475,000 of them a type(r) IN $types filter reads them all.
		String typePart = (fixedTypes != null) ? ":" + fixedTypes
				: (types != null) ? ":" + String.join("|", types) : "";
		String pattern = switch (direction) {
			case "OUT" -> "(" + node + ")-[" + r + typePart + "]->(" + m + ":Entity)";
			case "IN" -> "(" + node + ")<-[" + r + typePart + "]-(" + m + ":Entity)";
			default -> "(" + node + ")-[" + r + typePart + "]-(" + m + ":Entity)";
		};
		String where = " WHERE " + r + ".retracted IS NULL";
		String dir = "CASE WHEN startNode(" + r + ") = " + node + " THEN 'OUT' ELSE 'IN' END";
		return "COLLECT { MATCH " + pattern + where + " WITH " + node + ", " + r + ", " + m + " LIMIT " + MAX_READ
				+ " RETURN " + relation(r, dir, m, selection) + " ORDER BY type(" + r + "), " + m + ".name, " + r
				+ ".id LIMIT " + parameter(first) + " }";
	}

	/** Map projection of relationship {@code r} reached along {@code direction}, leading to {@code node}. */
	public String relation(String r, String direction, String node, Map<String, List<SelectedField>> selection) {
		List<String> entries = new ArrayList<>();
		entries.add("id: " + r + ".id");
		entries.add("type: type(" + r + ")");
		entries.add("direction: " + direction);
		entries.add("validFrom: " + r + ".validFrom");
		entries.add("validTo: " + r + ".validTo");
		entries.add("retracted: coalesce(" + r + ".retracted, false)");
		entries.add("retractionReason: " + r + ".retractionReason");
		selection.forEach((key, fields) -> {
			String name = fields.getFirst().getName();
			switch (name) {
				case "node" -> entries.add(quoteKey(key) + ": " + entity(node, below(fields)));
				case "evidence" -> entries.add(quoteKey(key) + ": " + evidence(r, below(fields)));
				case "role", "staffShare" -> entries.add(quoteKey(key) + ": " + r + "." + name);
				default -> {
				}
			}
		});
		return "{" + String.join(", ", entries) + "}";
	}

	private String evidence(String r, Map<String, List<SelectedField>> selection) {
		String i = variable("i");
		String s = variable("s");
		List<String> entries = new ArrayList<>();
		entries.add("quote: " + r + ".quotes[" + i + "]");
		entries.add("sourceId: " + r + ".sources[" + i + "]");
		List<SelectedField> source = selection.get("source");
		if (source != null) {
			entries.add("source: COLLECT { MATCH (" + s + ":Source {id: " + r + ".sources[" + i + "]}) RETURN "
					+ entity(s, below(source)) + " }[0]");
		}
		return "[" + i + " IN range(0, size(coalesce(" + r + ".sources, [])) - 1) | {" + String.join(", ", entries)
				+ "}]";
	}

	/** Map projection of path {@code p}: its length, nodes and relations in traversal order. */
	public String path(String p, Map<String, List<SelectedField>> selection) {
		List<String> entries = new ArrayList<>();
		entries.add("length: length(" + p + ")");
		List<SelectedField> nodes = selection.get("nodes");
		if (nodes != null) {
			String x = variable("x");
			entries.add("nodes: [" + x + " IN nodes(" + p + ") | " + entity(x, below(nodes)) + "]");
		}
		List<SelectedField> relations = selection.get("relations");
		if (relations != null) {
			String i = variable("i");
			String r = "relationships(" + p + ")[" + i + "]";
			String direction = "CASE WHEN startNode(" + r + ") = nodes(" + p + ")[" + i + "] THEN 'OUT' ELSE 'IN' END";
			entries.add("relations: [" + i + " IN range(0, length(" + p + ") - 1) | "
					+ relation(r, direction, "nodes(" + p + ")[" + i + " + 1]", below(relations)) + "]");
		}
		return "{" + String.join(", ", entries) + "}";
	}

	private static String quoteKey(String key) {
		return "`" + key.replace("`", "``") + "`";
	}

}
