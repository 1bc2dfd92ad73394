package dev.haidian.graph.query;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	private static final Pattern RELATIONSHIP_ID = Pattern
		.compile("([a-z0-9]+(?:-[a-z0-9]+)*)>([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)>([a-z0-9]+(?:-[a-z0-9]+)*)(?:@.+)?");

	/** The two ends and the type named in a relationship id. */
	public record RelationshipKey(String from, String type, String to) {
	}

	/**
	 * The ends and type a relationship id names, so that the relationship is found from its start node (an index
	 * seek and one expansion) rather than by a scan of every relationship; null when it is not such an id.
	 */
	public static RelationshipKey parseRelationshipId(String id) {
		Matcher matcher = RELATIONSHIP_ID.matcher(id);
		return matcher.matches() ? new RelationshipKey(matcher.group(1), matcher.group(2), matcher.group(3)) : null;
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
