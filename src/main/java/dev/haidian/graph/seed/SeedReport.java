package dev.haidian.graph.seed;

import java.util.Map;

/**
 * What one seed load did.
 *
 * @param checksum SHA-256 over the seed files, identifying the seed version loaded
 * @param nodes nodes in the graph afterwards
 * @param relationships relationships in the graph afterwards
 * @param nodesCreated nodes this load created (0 when the seed was already loaded)
 * @param relationshipsCreated relationships this load created
 * @param propertiesSet properties this load wrote
 * @param nodesPerLabel seed rows per label
 * @param relationshipsPerType seed rows (facts with their evidence) per relationship type
 * @param millis how long the load took
 */
public record SeedReport(String checksum, long nodes, long relationships, long nodesCreated,
		long relationshipsCreated, long propertiesSet, Map<String, Integer> nodesPerLabel,
		Map<String, Integer> relationshipsPerType, long millis) {
}
