package dev.haidian.graph.query;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Cypher fragments that resolve a user-given name to one entity inside the statement that uses it, together with
 * the closest names when nothing matches, so that resolving costs no extra round trip.
 *
 * <p>
 * The exact match is a seek in the {@code Entity_nameKeys} full-text index (keyword analyzer: each normalised
 * name is one term), not {@code $key IN n.nameKeys} over every entity, which scans a million nodes at scale.
 */
public final class Resolve {

	private Resolve() {
	}

	/**
	 * Binds {@code variable} to the entity named {@code name} (or null) and {@code variable + "Suggestions"} to
	 * up to three "中文 / English" names close to it when there is none.
	 * @param needsLocation only entities with a location (places to measure distances from)
	 */
	public static String clause(Projection projection, String variable, String name, boolean needsLocation) {
		String key = projection.parameter(Names.key(name));
		String term = projection.parameter(Names.keywordQuery(Names.key(name)));
		String exact = projection.parameter(name.strip());
		String fuzzy = projection.parameter(fuzzy(name));
		String located = needsLocation ? " AND n.location IS NOT NULL" : "";
		String locatedNode = located.replace("n.", "node.");
		// concatenation, not String.formatted: this runs on every request that names an entity
		return "OPTIONAL CALL () {\n"
				+ "  CALL db.index.fulltext.queryNodes('Entity_nameKeys', " + term + ") YIELD node AS n\n"
				+ "  WITH n WHERE " + key + " IN n.nameKeys" + located + "\n"
				+ "  RETURN n AS " + variable + " ORDER BY CASE WHEN n.nameZh = " + exact + " OR n.name = " + exact
				+ " THEN 0 ELSE 1 END, n.id LIMIT 1\n"
				+ "}\n"
				+ "CALL (" + variable + ") {\n"
				+ "  WITH " + variable + " WHERE " + variable + " IS NULL\n"
				+ "  CALL db.index.fulltext.queryNodes('Entity_names', " + fuzzy + ") YIELD node, score\n"
				+ "  WITH node, score WHERE true" + locatedNode + " ORDER BY score DESC, node.id LIMIT 3\n"
				+ "  RETURN collect(node.nameZh + ' / ' + node.name) AS " + variable + "Suggestions\n"
				+ "}\n";
	}

	/** A Lucene query matching the words of {@code name} exactly or with up to two typos each. */
	static String fuzzy(String name) {
		return Arrays.stream(name.strip().split("\\s+"))
			.map(Names::luceneTerms)
			.filter(t -> !t.isEmpty())
			.map(t -> t + " " + t + "~")
			.collect(Collectors.joining(" "));
	}

	/** The variables a statement must carry to its RETURN for {@link #require}: whether found, and suggestions. */
	public static String returned(String variable) {
		return variable + " IS NOT NULL AS " + variable + "Found, " + variable + "Suggestions";
	}

	/** Throws NOT_FOUND with the suggestions when the statement found no entity by that name. */
	@SuppressWarnings("unchecked")
	public static void require(Map<String, Object> row, String variable, String argument, String name) {
		if (Boolean.FALSE.equals(row.get(variable + "Found"))) {
			throw new NotFoundException(argument, name, (List<String>) row.get(variable + "Suggestions"));
		}
	}

}
