package dev.haidian.graph.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * A Cypher statement, with its parameters, that shows an answer as a graph, and the Neo4j Browser link that opens
 * it ready to run.
 *
 * @param statement the Cypher
 * @param parameters its parameters as JSON
 * @param browserUrl Neo4j Browser with the parameters set and the statement in the editor
 */
public record Reproduction(String statement, String parameters, String browserUrl) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static Reproduction of(String browser, String statement, Map<String, Object> unordered) {
		Map<String, Object> parameters = new java.util.TreeMap<>(unordered);
		String json = JSON.writeValueAsString(parameters);
		// Browser's :params takes a Cypher map; JSON values are valid Cypher literals, keys must be bare names.
		String map = parameters.entrySet()
			.stream()
			.map(e -> e.getKey() + ": " + JSON.writeValueAsString(e.getValue()))
			.collect(Collectors.joining(", ", "{", "}"));
		String editor = ":params " + map + ";\n" + statement;
		String url = browser + "cmd=edit&arg=" + URLEncoder.encode(editor, StandardCharsets.UTF_8).replace("+", "%20");
		return new Reproduction(statement, json, url);
	}

}
