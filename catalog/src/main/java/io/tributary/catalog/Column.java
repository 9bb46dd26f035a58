package io.tributary.catalog;

/** A result column: its name and the engine's name of its SQL type (e.g. {@code BIGINT}, {@code DECIMAL(10,2)}). */
public record Column(String name, String type) {
}
