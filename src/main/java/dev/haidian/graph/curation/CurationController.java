package dev.haidian.graph.curation;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class CurationController {

	private final CurationService curation;

	CurationController(CurationService curation) {
		this.curation = curation;
	}

	@MutationMapping
	Map<String, Object> upsertEntity(@Argument Map<String, Object> input, @ContextValue String author,
			DataFetchingFieldSelectionSet selection) {
		return payload(this.curation.upsertEntity(input, author, selection));
	}

	@MutationMapping
	Map<String, Object> addSource(@Argument Map<String, Object> input, @ContextValue String author,
			DataFetchingFieldSelectionSet selection) {
		return payload(this.curation.addSource(input, author, selection));
	}

	@MutationMapping
	Map<String, Object> assertRelationship(@Argument Map<String, Object> input, @ContextValue String author,
			DataFetchingFieldSelectionSet selection) {
		return payload(this.curation.assertRelationship(input, author, selection));
	}

	@MutationMapping
	Map<String, Object> retractRelationship(@Argument Map<String, Object> input, @ContextValue String author,
			DataFetchingFieldSelectionSet selection) {
		return payload(this.curation.retractRelationship(input, author, selection));
	}

	private static Map<String, Object> payload(CurationService.Outcome outcome) {
		Map<String, Object> payload = new LinkedHashMap<>();
		if (outcome.result() != null) {
			payload.putAll(outcome.result());
		}
		payload.put("errors", outcome.errors());
		return payload;
	}

}
