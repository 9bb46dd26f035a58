package io.tributary.security.cloud;

import io.tributary.model.Stage;

/** A stage of a zone in the lake (and its Glue database), or one dataset of it when {@code dataset} is not null. */
public record LakeLocation(String zone, Stage stage, String dataset) {

    public static LakeLocation stage(String zone, Stage stage) {
        return new LakeLocation(zone, stage, null);
    }

    public boolean wholeStage() {
        return dataset == null;
    }

    public String database() {
        return LakeLayout.database(zone, stage);
    }

    /** The S3 folder, ending in '/'. */
    public String prefix(LakeLayout layout) {
        return wholeStage() ? layout.stagePrefix(stage, zone) : layout.datasetPrefix(stage, zone, dataset);
    }

    @Override
    public String toString() {
        return zone + "." + stage.id() + (wholeStage() ? ".*" : "." + dataset);
    }
}
