package dev.haidian.graph.system;

import java.util.List;

/**
 * What the graph holds.
 *
 * @param nodes number of nodes
 * @param relationships number of relationships
 * @param labels node count per label, largest first
 */
public record GraphStats(long nodes, long relationships, List<LabelCount> labels) {

	/**
	 * Node count of one label.
	 *
	 * @param label the label
	 * @param count nodes carrying it
	 */
	public record LabelCount(String label, long count) {
	}

}
