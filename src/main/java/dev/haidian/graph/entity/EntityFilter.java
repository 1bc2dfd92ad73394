package dev.haidian.graph.entity;

/** Conditions on listed entities (GraphQL input {@code EntityFilter}). */
public record EntityFilter(String name, String area, String city, String kind, String dateFrom, String dateTo) {
}
