package dev.haidian.graph.query;

import java.util.List;

/** A name that resolves to no entity; carries the closest names in the graph. */
public class NotFoundException extends RuntimeException {

	private final transient List<String> suggestions;

	public NotFoundException(String argument, String name, List<String> suggestions) {
		super("No entity is named '" + name + "' (" + argument + ")"
				+ (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?"));
		this.suggestions = List.copyOf(suggestions);
	}

	public List<String> suggestions() {
		return this.suggestions;
	}

}
