package io.tributary.catalog;

import java.nio.file.Path;

import io.tributary.model.Stage;

/**
 * One table of the lake: a dataset's folder in one stage of one zone,
 * {@code <lake>/<stage>/<zone>/<dataset>/}, whose {@code dt=YYYY-MM-DD} sub-folders hold its Parquet files.
 * In the catalog it is table {@code <dataset>} of database {@code <zone>_<stage>}.
 */
public record TableLocation(String zone, Stage stage, String dataset, Path folder) {

    /** The catalog database (Glue) or schema (DuckDB, Trino): {@code <zone>_<stage>}. */
    public String database() {
        return zone + "_" + stage.id();
    }

    public String table() {
        return dataset;
    }

    /** {@code <zone>_<stage>.<dataset>}, as analysts write it in SQL. */
    public String qualifiedName() {
        return database() + "." + table();
    }

    @Override
    public String toString() {
        return qualifiedName() + " (" + folder + ")";
    }
}
