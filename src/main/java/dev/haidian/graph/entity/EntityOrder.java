package dev.haidian.graph.entity;

/** Sort order of a list (GraphQL input {@code EntityOrder}): field NAME, NAME_ZH, ID or DATE; ASC or DESC. */
public record EntityOrder(String field, String direction) {
}
