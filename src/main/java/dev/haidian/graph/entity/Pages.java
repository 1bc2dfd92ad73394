package dev.haidian.graph.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.haidian.graph.query.Cursors;

/** Relay-style connections from a statement's {@code total} and {@code page} (rows with an index). */
public final class Pages {

	private Pages() {
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> connection(Map<String, Object> row, int offset) {
		long total = ((Number) row.get("total")).longValue();
		List<Map<String, Object>> page = (List<Map<String, Object>>) row.get("page");
		List<Map<String, Object>> edges = page.stream().map(entry -> {
			Map<String, Object> edge = new LinkedHashMap<>(entry);
			edge.put("cursor", Cursors.at(((Number) entry.get("index")).intValue()));
			return edge;
		}).toList();
		Map<String, Object> pageInfo = new LinkedHashMap<>();
		pageInfo.put("hasNextPage", offset + edges.size() < total);
		pageInfo.put("hasPreviousPage", offset > 0);
		pageInfo.put("startCursor", edges.isEmpty() ? null : edges.getFirst().get("cursor"));
		pageInfo.put("endCursor", edges.isEmpty() ? null : edges.getLast().get("cursor"));
		Map<String, Object> connection = new MapConnection();
		connection.put("edges", edges);
		connection.put("pageInfo", pageInfo);
		connection.put("totalCount", total);
		return connection;
	}

	/**
	 * A connection already built as GraphQL reads it. Spring for GraphQL adapts the results of {@code *Connection}
	 * fields unless their class name ends in "Connection"; ours carry more than node and cursor per edge (e.g.
	 * distanceKm and via), so they must pass through as they are.
	 */
	public static final class MapConnection extends LinkedHashMap<String, Object> {

		private static final long serialVersionUID = 1L;

		public MapConnection() {
		}

		public MapConnection(Map<String, Object> values) {
			super(values);
		}

	}

}
