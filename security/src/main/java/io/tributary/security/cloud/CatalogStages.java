package io.tributary.security.cloud;

import java.util.List;

import io.tributary.model.Stage;

/**
 * The stages catalogued as Glue databases ({@code <zone>_<stage>}). Landing is not: it is a raw
 * archive kept for reprocessing, not a table anyone queries.
 */
final class CatalogStages {
    static final List<Stage> STAGES = List.of(Stage.STAGING, Stage.REJECTED, Stage.ODS, Stage.ANALYTICAL);

    private CatalogStages() {
    }
}
