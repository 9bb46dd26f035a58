package io.tributary.security.cloud;

import io.tributary.model.Stage;

/**
 * Where a zone's data is in the lake bucket (docs/contracts.md, docs/connectors.md):
 * {@code <stage>/<zone>/<dataset>/…} for approved stages, the raw landing archive under its own
 * prefix ({@code _raw/landing/<zone>/…}) so that one prefix keeps everyone but the platform out,
 * and the sink's checkpoints under {@code _tributary/checkpoints/<stage>/<zone>/…}. Also the
 * catalog's names: database {@code <zone>_<stage>}, Athena workgroup {@code tributary-<zone>}.
 */
public final class LakeLayout {
    static final String CHECKPOINTS = "_tributary/checkpoints/";
    private final String rawPrefix;

    public LakeLayout(CloudSettings settings) {
        this.rawPrefix = settings.rawPrefix();
    }

    /** The folder of one stage of one zone, ending in '/'. */
    public String stagePrefix(Stage stage, String zone) {
        return (stage == Stage.LANDING ? rawPrefix : "") + stage.id() + "/" + zone + "/";
    }

    /** The folder of one dataset (a table's location), ending in '/'. */
    public String datasetPrefix(Stage stage, String zone, String dataset) {
        return stagePrefix(stage, zone) + dataset + "/";
    }

    public String checkpointPrefix(Stage stage, String zone) {
        return CHECKPOINTS + stage.id() + "/" + zone + "/";
    }

    /** Where the raw archives of every zone are: only the platform reads below it. */
    public String rawLandingPrefix() {
        return rawPrefix + Stage.LANDING.id() + "/";
    }

    public static String database(String zone, Stage stage) {
        return zone + "_" + stage.id();
    }

    public static String workgroup(String zone) {
        return "tributary-" + zone;
    }

    /** Athena's query results of a zone, in the results bucket. */
    public static String resultsPrefix(String zone) {
        return zone + "/";
    }
}
