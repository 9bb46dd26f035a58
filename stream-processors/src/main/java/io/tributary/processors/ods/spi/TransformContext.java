package io.tributary.processors.ods.spi;

/** Where a transformer runs: the zone, the entity and the staging dataset the record comes from. */
public record TransformContext(String zone, String entity, String dataset) {
}
