package dev.haidian.graph.query;

import java.util.List;

/** The entity labels of the graph (see seed/README.md), for validating type filters. */
public final class Ontology {

	public static final List<String> LABELS = List.of("Area", "Building", "City", "Company", "Event",
			"GovernmentBody", "Institute", "Person", "Policy", "Product", "Source", "Statistic", "University");

	private Ontology() {
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
