package io.tributary.connect.s3.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.Schema;

import io.tributary.model.TopicName;

/**
 * A partition folder of a dataset table, as a catalog needs it.
 *
 * @param topic           the topic, hence zone, stage and dataset (database {@code <zone>_<stage>}, table {@code <dataset>})
 * @param tableLocation   the dataset folder, e.g. {@code s3://lake/staging/finance/expenses/}
 * @param partitionPath   the folder below it, e.g. {@code dt=2024-05-01/hr=08}
 * @param format          {@code parquet} or {@code avro}
 * @param schema          the columns of the file just committed (Avro schema; partition columns excluded)
 * @param firstObjectKey  the object whose commit announced the folder
 */
public record LakePartition(TopicName topic, String tableLocation, String partitionPath, String format, Schema schema,
        String firstObjectKey) {

    /** The partition columns and their values, in order, e.g. {@code dt → 2024-05-01, hr → 08}. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String segment : partitionPath.split("/")) {
            int eq = segment.indexOf('=');
            if (eq > 0) {
                values.put(segment.substring(0, eq), segment.substring(eq + 1));
            }
        }
        return values;
    }

    /** {@code tableLocation + partitionPath + "/"}. */
    public String location() {
        return tableLocation + partitionPath + "/";
    }
}
