package dev.haidian.graph.curation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.springframework.stereotype.Service;

import dev.haidian.graph.query.Ontology;
import dev.haidian.graph.query.GraphReader;
import dev.haidian.graph.query.Limits;
import dev.haidian.graph.query.Names;
import dev.haidian.graph.query.Projection;

/**
 * Curated writes: entities, sources, relationships with their evidence, and retractions. Each write is checked
 * completely first (every problem reported with its field, nothing stored), then runs as one statement in one
 * write transaction, stamped with who made it and when ({@code createdBy/At}, {@code updatedBy/At},
 * {@code retractedBy/At}).
 */
@Service
public class CurationService {

	private final GraphReader graph;

	private final Limits limits;

	CurationService(GraphReader graph, Limits limits) {
		this.graph = graph;
		this.limits = limits;
	}

	/** The outcome of a write: the projected result or the field errors. */
	public record Outcome(Map<String, Object> result, List<FieldError> errors) {

		static Outcome refused(List<FieldError> errors) {
			return new Outcome(null, errors);
		}

	}

	public Outcome upsertEntity(Map<String, Object> input, String author, DataFetchingFieldSelectionSet selection) {
		WriteChecks check = new WriteChecks();
		String id = check.id("input.id", input.get("id"));
		String label = check.label("input.type", input.get("type"));
		String name = check.text("input.name", input.get("name"), 300, true);
		String nameZh = check.text("input.nameZh", input.get("nameZh"), 300, true);
		List<String> aliases = check.texts("input.aliases", input.get("aliases"), 50, 300);
		String description = check.text("input.description", input.get("description"), 2000, false);
		String kind = check.text("input.kind", input.get("kind"), 60, false);
		Map<String, Object> location = WriteChecks.map(input.get("location"));
		Double latitude = null;
		Double longitude = null;
		String precision = null;
		String locationSource = null;
		if (location != null) {
			latitude = check.number("input.location.latitude", location.get("latitude"), -90, 90);
			longitude = check.number("input.location.longitude", location.get("longitude"), -180, 180);
			precision = check.text("input.location.precision", location.get("precision"), 20, true);
			if (precision != null && !WriteChecks.PRECISIONS.contains(precision)) {
				check.add("input.location.precision", "'" + precision + "' is not one of " + WriteChecks.PRECISIONS);
			}
			locationSource = check.text("input.location.source", location.get("source"), 500, true);
		}
		else if (label != null && WriteChecks.PLACES.contains(label)) {
			check.add("input.location", "is required for a " + label);
		}
		if (!check.ok()) {
			return Outcome.refused(check.errors());
		}
		LinkedHashSet<String> keys = new LinkedHashSet<>();
		keys.add(Names.key(name));
		keys.add(Names.key(nameZh));
		aliases.forEach(a -> keys.add(Names.key(a)));
		Projection projection = new Projection(this.limits.maxFirst());
		Map<String, Object> p = new HashMap<>();
		p.put("id", id);
		p.put("label", label);
		p.put("name", name);
		p.put("nameZh", nameZh);
		p.put("aliases", aliases);
		p.put("nameKeys", List.copyOf(keys));
		p.put("description", description);
		p.put("kind", kind);
		p.put("latitude", latitude);
		p.put("longitude", longitude);
		p.put("precision", precision);
		p.put("locationSource", locationSource);
		p.put("author", author);
		String cypher = """
				CYPHER 25
				OPTIONAL MATCH (existing:Entity {id: $id})
				CALL (existing) {
				  WITH existing WHERE existing IS NULL OR $label IN labels(existing)
				  MERGE (n:Entity {id: $id})
				  ON CREATE SET n.createdBy = $author, n.createdAt = datetime()
				  SET n:$($label), n.name = $name, n.nameZh = $nameZh, n.aliases = $aliases, n.nameKeys = $nameKeys,
				      n.description = $description, n.kind = $kind,
				      n.location = CASE WHEN $latitude IS NULL THEN null
				                        ELSE point({latitude: $latitude, longitude: $longitude}) END,
				      n.locationPrecision = $precision, n.locationSource = $locationSource,
				      n.updatedBy = $author, n.updatedAt = datetime()
				  RETURN collect(%s) AS written
				}
				RETURN existing IS NULL AS created, head([l IN labels(existing) WHERE l <> 'Entity']) AS existingType,
				       written[0] AS entity
				""".formatted(projection.entity("n", Projection.byKey(selection, "entity")));
		p.putAll(projection.parameters());
		Map<String, Object> row = this.graph.write(cypher, p);
		if (row.get("entity") == null) {
			return Outcome.refused(List.of(new FieldError("input.type", "id '" + id + "' is already a "
					+ row.get("existingType") + "; an entity's type cannot change")));
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("entity", row.get("entity"));
		result.put("created", row.get("created"));
		return new Outcome(result, List.of());
	}

	public Outcome addSource(Map<String, Object> input, String author, DataFetchingFieldSelectionSet selection) {
		WriteChecks check = new WriteChecks();
		String id = check.id("input.id", input.get("id"));
		String title = check.text("input.title", input.get("title"), 500, true);
		String titleEn = check.text("input.titleEn", input.get("titleEn"), 500, false);
		String publisher = check.text("input.publisher", input.get("publisher"), 300, true);
		String sourceAuthor = check.text("input.author", input.get("author"), 300, false);
		String published = check.date("input.published", input.get("published"));
		String url = check.text("input.url", input.get("url"), 2000, false);
		if (url != null && !url.matches("https?://\\S+")) {
			check.add("input.url", "is not an http(s) URL");
		}
		if (!check.ok()) {
			return Outcome.refused(check.errors());
		}
		Projection projection = new Projection(this.limits.maxFirst());
		Map<String, Object> p = new HashMap<>(Map.of("id", id, "title", title, "name", (titleEn != null) ? titleEn : title,
				"publisher", publisher, "author", author, "keys", List.copyOf(new LinkedHashSet<>(
						List.of(Names.key(title), Names.key((titleEn != null) ? titleEn : title))))));
		p.put("sourceAuthor", sourceAuthor);
		p.put("published", published);
		p.put("url", url);
		String cypher = """
				CYPHER 25
				OPTIONAL MATCH (existing:Entity {id: $id})
				CALL (existing) {
				  WITH existing WHERE existing IS NULL OR existing:Source
				  MERGE (n:Entity {id: $id})
				  ON CREATE SET n.createdBy = $author, n.createdAt = datetime()
				  SET n:Source, n.name = $name, n.nameZh = $title, n.aliases = coalesce(n.aliases, []), n.nameKeys = $keys,
				      n.publisher = $publisher, n.author = $sourceAuthor, n.published = $published, n.url = $url,
				      n.updatedBy = $author, n.updatedAt = datetime()
				  RETURN collect(%s) AS written
				}
				RETURN head([l IN labels(existing) WHERE l <> 'Entity']) AS existingType, written[0] AS source
				""".formatted(projection.entity("n", Projection.byKey(selection, "source")));
		p.putAll(projection.parameters());
		Map<String, Object> row = this.graph.write(cypher, p);
		if (row.get("source") == null) {
			return Outcome.refused(List.of(new FieldError("input.id",
					"'" + id + "' is already a " + row.get("existingType") + ", not a Source")));
		}
		return new Outcome(Map.of("source", row.get("source")), List.of());
	}

	public Outcome assertRelationship(Map<String, Object> input, String author,
			DataFetchingFieldSelectionSet selection) {
		WriteChecks check = new WriteChecks();
		String from = check.id("input.from", input.get("from"));
		String type = check.relationshipType("input.type", input.get("type"));
		String to = check.id("input.to", input.get("to"));
		String source = check.id("input.source", input.get("source"));
		String quote = check.text("input.quote", input.get("quote"), 500, true);
		String validFrom = check.date("input.validFrom", input.get("validFrom"));
		String validTo = check.date("input.validTo", input.get("validTo"));
		String role = check.text("input.role", input.get("role"), 100, false);
		Double staffShare = check.number("input.staffShare", input.get("staffShare"), 0, 1);
		if (from != null && from.equals(to)) {
			check.add("input.to", "is the same entity as input.from");
		}
		if (validFrom != null && validTo != null && validFrom.compareTo(validTo) > 0) {
			check.add("input.validTo", "is before input.validFrom");
		}
		if (!check.ok()) {
			return Outcome.refused(check.errors());
		}
		Projection projection = new Projection(this.limits.maxFirst());
		Map<String, Object> p = new HashMap<>();
		p.put("from", from);
		p.put("type", type);
		p.put("to", to);
		p.put("source", source);
		p.put("quote", quote);
		p.put("validFrom", validFrom);
		p.put("validTo", validTo);
		p.put("role", role);
		p.put("staffShare", staffShare);
		p.put("author", author);
		p.put("factId", Ontology.relationshipId(from, type, to, validFrom));
		String cypher = """
				CYPHER 25
				OPTIONAL MATCH (a:Entity {id: $from})
				OPTIONAL MATCH (b:Entity {id: $to})
				OPTIONAL MATCH (s:Source {id: $source})
				CALL (a, b, s) {
				  WITH a, b, s WHERE a IS NOT NULL AND b IS NOT NULL AND s IS NOT NULL
				  MERGE (a)-[r:$($type) {id: $factId}]->(b)
				  ON CREATE SET r.createdBy = $author, r.createdAt = datetime()
				  WITH a, b, r, coalesce(r.sources, []) AS sources, coalesce(r.quotes, []) AS quotes
				  WITH a, b, r, sources, quotes,
				       any(i IN range(0, size(sources) - 1) WHERE sources[i] = $source AND quotes[i] = $quote) AS known
				  SET r.validFrom = $validFrom, r.validTo = coalesce($validTo, r.validTo),
				      r.sources = CASE WHEN known THEN sources ELSE sources + $source END,
				      r.quotes = CASE WHEN known THEN quotes ELSE quotes + $quote END,
				      r.role = coalesce($role, r.role), r.staffShare = coalesce($staffShare, r.staffShare),
				      r.updatedBy = $author, r.updatedAt = datetime()
				  RETURN collect(%s) AS written
				}
				RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, s IS NOT NULL AS sourceFound,
				       written[0] AS relation
				""".formatted(projection.relation("r", "'OUT'", "b", Projection.byKey(selection, "relation")));
		p.putAll(projection.parameters());
		Map<String, Object> row = this.graph.write(cypher, p);
		List<FieldError> missing = new ArrayList<>();
		if (!Boolean.TRUE.equals(row.get("fromFound"))) {
			missing.add(new FieldError("input.from", "no entity has the id '" + from + "'"));
		}
		if (!Boolean.TRUE.equals(row.get("toFound"))) {
			missing.add(new FieldError("input.to", "no entity has the id '" + to + "'"));
		}
		if (!Boolean.TRUE.equals(row.get("sourceFound"))) {
			missing.add(new FieldError("input.source", "no Source has the id '" + source + "'; add it with addSource"));
		}
		if (!missing.isEmpty()) {
			return Outcome.refused(missing);
		}
		return new Outcome(Map.of("relation", row.get("relation")), List.of());
	}

	public Outcome retractRelationship(Map<String, Object> input, String author,
			DataFetchingFieldSelectionSet selection) {
		WriteChecks check = new WriteChecks();
		String id = check.text("input.id", input.get("id"), 400, true);
		String reason = check.text("input.reason", input.get("reason"), 1000, true);
		if (!check.ok()) {
			return Outcome.refused(check.errors());
		}
		Ontology.RelationshipKey key = Ontology.parseRelationshipId(id);
		if (key == null) {
			return Outcome.refused(List.of(new FieldError("input.id",
					"'" + id + "' is not a relationship id; ids read from>TYPE>to or from>TYPE>to@validFrom")));
		}
		Projection projection = new Projection(this.limits.maxFirst());
		Map<String, Object> p = new HashMap<>(Map.of("id", id, "reason", reason, "author", author, "from", key.from(),
				"type", key.type(), "to", key.to()));
		// Found from its start node by the id's parts: a seek and one expansion, not a scan of every relationship.
		String cypher = """
				CYPHER 25
				CALL () {
				  MATCH (a:Entity {id: $from})-[r:$($type) {id: $id}]->(b:Entity {id: $to})
				  SET r.retracted = true, r.retractedAt = datetime(), r.retractedBy = $author,
				      r.retractionReason = $reason, r.updatedBy = $author, r.updatedAt = datetime()
				  RETURN collect(%s) AS written
				}
				RETURN written[0] AS relation
				""".formatted(projection.relation("r", "'OUT'", "b", Projection.byKey(selection, "relation")));
		p.putAll(projection.parameters());
		Map<String, Object> row = this.graph.write(cypher, p);
		if (row.get("relation") == null) {
			return Outcome.refused(List.of(new FieldError("input.id", "no relationship has the id '" + id + "'")));
		}
		return new Outcome(Map.of("relation", row.get("relation")), List.of());
	}


}
