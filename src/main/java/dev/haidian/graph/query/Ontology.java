package dev.haidian.graph.query;

import java.util.List;

/** The entity labels of the graph (see seed/README.md), for validating type filters, and relationship ids. */
public final class Ontology {

	public static final List<String> LABELS = List.of("Area", "Building", "City", "Company", "Event",
			"GovernmentBody", "Institute", "Person", "Policy", "Product", "Source", "Statistic", "University");

	private Ontology() {
	}

	/**
	 * The id of a relationship: {@code from>TYPE>to}, with {@code @validFrom} when the fact is dated. The seed
	 * loader's Cypher ({@code cypher/seed/20-relationships.cypher}) builds the same.
	 */
	public static String relationshipId(String from, String type, String to, String validFrom) {
		return from + ">" + type + ">" + to + ((validFrom != null) ? "@" + validFrom : "");
	}

	public static List<String> checkTypes(String argument, List<String> types) {
		if (types == null) {
			return null;
		}
		for (String type : types) {
			if (!LABELS.contains(type)) {
				throw new InvalidArgumentException(argument, "'" + type + "' is not an entity type; types are " + LABELS);
			}
		}
		return types;
	}

}
