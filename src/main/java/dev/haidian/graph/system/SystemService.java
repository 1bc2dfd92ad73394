package dev.haidian.graph.system;

import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facts about the database itself: counts and the server version. Each answer is one read-only statement.
 */
@Service
@Transactional(readOnly = true)
public class SystemService {

	private final Neo4jClient neo4j;

	SystemService(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	public GraphStats stats() {
		return this.neo4j.query("""
				CYPHER 25
				CALL () { MATCH (n) RETURN count(n) AS nodes }
				CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
				CALL () {
				  CALL db.labels() YIELD label
				  CALL (label) { MATCH (n:$(label)) RETURN count(n) AS count }
				  WITH label, count WHERE count > 0 ORDER BY count DESC, label
				  RETURN collect({label: label, count: count}) AS labels
				}
				RETURN nodes, relationships, labels
				""").fetchAs(GraphStats.class).mappedBy((types, row) -> new GraphStats(row.get("nodes").asLong(),
						row.get("relationships").asLong(),
						row.get("labels")
							.asList(v -> new GraphStats.LabelCount(v.get("label").asString(), v.get("count").asLong()))))
			.one()
			.orElseThrow();
	}

	public String neo4jVersion() {
		return this.neo4j.query("CALL dbms.components() YIELD name, versions WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version")
			.fetchAs(String.class)
			.one()
			.orElse("unknown");
	}

	/** Name, version and edition of the connected server, for {@code /actuator/info}. */
	public Map<String, Object> serverInfo() {
		return this.neo4j.query("CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' "
				+ "RETURN name, versions[0] AS version, edition")
			.fetch()
			.one()
			.orElse(Map.of());
	}


}
