package dev.haidian.graph.curation;

/**
 * What is wrong with one input field of a write; nothing was stored.
 *
 * @param field the input field, e.g. {@code input.location.latitude}
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}
