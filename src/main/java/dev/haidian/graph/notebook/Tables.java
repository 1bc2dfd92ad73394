package dev.haidian.graph.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;

/**
 * Prints query results as text tables for a terminal.
 *
 * <p>
 * Chinese characters take two terminal columns, so widths are counted in display columns, not characters; long
 * cells are cut so that a row stays readable. Nodes print as {@code (:Label id 中文名)} because the business key
 * and the Chinese name are what a reader recognises.
 */
final class Tables {

	private static final int MAX_CELL = 60;

	private Tables() {
	}

	static String table(List<String> columns, List<Record> rows) {
		if (columns.isEmpty()) {
			return "(no columns)\n";
		}
		List<List<String>> cells = new ArrayList<>();
		cells.add(columns);
		for (Record row : rows) {
			cells.add(columns.stream().map(c -> cut(text(row.get(c)))).toList());
		}
		int[] widths = new int[columns.size()];
		for (List<String> line : cells) {
			for (int i = 0; i < line.size(); i++) {
				widths[i] = Math.max(widths[i], width(line.get(i)));
			}
		}
		StringBuilder out = new StringBuilder();
		String rule = rule(widths);
		out.append(rule);
		for (int r = 0; r < cells.size(); r++) {
			List<String> line = cells.get(r);
			out.append('|');
			for (int i = 0; i < line.size(); i++) {
				out.append(' ').append(line.get(i)).append(" ".repeat(widths[i] - width(line.get(i)))).append(" |");
			}
			out.append('\n');
			if (r == 0) {
				out.append(rule);
			}
		}
		out.append(rule);
		out.append(rows.size()).append(rows.size() == 1 ? " row\n" : " rows\n");
		return out.toString();
	}

	private static String rule(int[] widths) {
		StringBuilder rule = new StringBuilder("+");
		for (int w : widths) {
			rule.append("-".repeat(w + 2)).append('+');
		}
		return rule.append('\n').toString();
	}

	static String text(Record row) {
		return row.keys().stream().map(k -> k + ": " + text(row.get(k))).collect(Collectors.joining(", ", "{", "}"));
	}

	static String text(Value value) {
		if (value == null || value.isNull()) {
			return "null";
		}
		TypeSystem types = TypeSystem.getDefault();
		if (value.hasType(types.NODE())) {
			return node(value.asNode());
		}
		if (value.hasType(types.RELATIONSHIP())) {
			return relationship(value.asRelationship());
		}
		if (value.hasType(types.PATH())) {
			return path(value.asPath());
		}
		if (value.hasType(types.LIST())) {
			return value.asList(Tables::text).stream().collect(Collectors.joining(", ", "[", "]"));
		}
		if (value.hasType(types.MAP())) {
			return StreamSupport.stream(value.keys().spliterator(), false)
				.map(k -> k + ": " + text(value.get(k)))
				.collect(Collectors.joining(", ", "{", "}"));
		}
		if (value.hasType(types.POINT())) {
			return "point(" + value.asPoint().y() + ", " + value.asPoint().x() + ")";
		}
		return value.asObject().toString();
	}

	private static String node(Node node) {
		String labels = String.join(":", node.labels()).replace("Entity:", "").replace(":Entity", "");
		String id = node.get("id").isNull() ? "" : " " + node.get("id").asString();
		String zh = node.get("nameZh").isNull() ? "" : " " + node.get("nameZh").asString();
		return "(:" + labels + id + zh + ")";
	}

	private static String relationship(Relationship relationship) {
		return "[:" + relationship.type() + "]";
	}

	private static String path(Path path) {
		StringBuilder out = new StringBuilder(node(path.start()));
		for (Path.Segment segment : path) {
			boolean forward = segment.relationship().startNodeElementId().equals(segment.start().elementId());
			out.append(forward ? "-" : "<-")
				.append(relationship(segment.relationship()))
				.append(forward ? "->" : "-")
				.append(node(segment.end()));
		}
		return out.toString();
	}

	private static String cut(String text) {
		String oneLine = text.replace('\n', ' ');
		if (width(oneLine) <= MAX_CELL) {
			return oneLine;
		}
		StringBuilder out = new StringBuilder();
		int w = 0;
		for (int cp : oneLine.codePoints().toArray()) {
			int cw = wide(cp) ? 2 : 1;
			if (w + cw > MAX_CELL - 1) {
				break;
			}
			out.appendCodePoint(cp);
			w += cw;
		}
		return out.append('…').toString();
	}

	/** Columns the text takes in a terminal. */
	static int width(String text) {
		return text.codePoints().map(cp -> wide(cp) ? 2 : 1).sum();
	}

	private static boolean wide(int cp) {
		return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
				|| (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
				|| (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
	}

}
