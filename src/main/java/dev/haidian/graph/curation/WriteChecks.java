package dev.haidian.graph.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.haidian.graph.query.Ontology;

/** Validation of write inputs, collecting every problem with the field it concerns. */
final class WriteChecks {

	static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");

	static final Pattern DATE = Pattern.compile("\\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?)?");

	static final List<String> PRECISIONS = List.of("exact", "approx-200m", "approx-500m", "approx-2km", "centroid");

	static final List<String> PLACES = List.of("Building", "University", "Area", "City");

	private final List<FieldError> errors = new ArrayList<>();

	List<FieldError> errors() {
		return this.errors;
	}

	boolean ok() {
		return this.errors.isEmpty();
	}

	void add(String field, String message) {
		this.errors.add(new FieldError(field, message));
	}

	/** Required, at most {@code max} characters, no control characters. */
	String text(String field, Object value, int max, boolean required) {
		if (value == null || value.toString().isBlank()) {
			if (required) {
				add(field, "is required");
			}
			return null;
		}
		String text = value.toString().strip();
		if (text.length() > max) {
			add(field, "is longer than " + max + " characters");
		}
		if (text.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0xFFFD)) {
			add(field, "contains control or invalid characters");
		}
		return text;
	}

	String id(String field, Object value) {
		String id = text(field, value, 120, true);
		if (id != null && !ID.matcher(id).matches()) {
			add(field, "'" + id + "' is not a slug (lowercase letters, digits and single hyphens)");
		}
		return id;
	}

	String label(String field, Object value) {
		String label = text(field, value, 40, true);
		if (label != null && !Ontology.LABELS.contains(label)) {
			add(field, "'" + label + "' is not an entity type; types are " + Ontology.LABELS);
		}
		return label;
	}

	String relationshipType(String field, Object value) {
		String type = text(field, value, 60, true);
		if (type != null && !TYPE.matcher(type).matches()) {
			add(field, "'" + type + "' is not an UPPER_SNAKE relationship type, e.g. LOCATED_IN");
		}
		return type;
	}

	String date(String field, Object value) {
		String date = text(field, value, 10, false);
		if (date != null && !DATE.matcher(date).matches()) {
			add(field, "'" + date + "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
		}
		return date;
	}

	Double number(String field, Object value, double min, double max) {
		if (value == null) {
			return null;
		}
		double number = ((Number) value).doubleValue();
		if (Double.isNaN(number) || number < min || number > max) {
			add(field, number + " is outside " + min + ".." + max);
		}
		return number;
	}

	@SuppressWarnings("unchecked")
	List<String> texts(String field, Object value, int maxItems, int maxLength) {
		if (value == null) {
			return List.of();
		}
		List<Object> items = (List<Object>) value;
		if (items.size() > maxItems) {
			add(field, "has more than " + maxItems + " entries");
		}
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String text = text(field + "[" + i + "]", items.get(i), maxLength, true);
			if (text != null) {
				texts.add(text);
			}
		}
		return texts;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
