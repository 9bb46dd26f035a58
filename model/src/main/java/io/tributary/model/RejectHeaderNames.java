package io.tributary.model;

import java.util.List;

/**
 * The headers a record in a {@code <zone>.rejected.<dataset>} topic carries (UTF-8 text), beside
 * its original key and value bytes, and the other {@code tributary.*} headers the platform reads
 * or writes. A contract between the validator, producers and whoever reads rejects.
 */
public final class RejectHeaderNames {
    /** The reason code, e.g. {@code NOT_JSON}, {@code MISSING_FIELD}, {@code RULE_FAILED}. */
    public static final String REASON = "tributary.reject.reason";
    /** The data-quality rule that failed; empty when the reason is not a rule. */
    public static final String RULE = "tributary.reject.rule";
    /** The field path the reason concerns; empty when it concerns the whole record. */
    public static final String FIELD = "tributary.reject.field";
    public static final String MESSAGE = "tributary.reject.message";
    public static final String SOURCE_TOPIC = "tributary.source.topic";
    public static final String SOURCE_PARTITION = "tributary.source.partition";
    public static final String SOURCE_OFFSET = "tributary.source.offset";
    /** The batch the record came in, where there is one (set by the producer in batch mode). */
    public static final String BATCH_ID = "tributary.batch.id";
    /** On the last record of a batch: the number of records in the batch, this one included (set by the producer). */
    public static final String BATCH_END = "tributary.batch.end";
    /** On a staging record that passed with warnings: the names of the {@code warn} rules it failed, comma-separated. */
    public static final String WARN_RULES = "tributary.warn.rules";
    /** On a CSV landing record: the header line naming its columns (set by the producer, e.g. a file's first line). */
    public static final String CSV_HEADER = "tributary.csv.header";
    /** On records written by a replay: the replay's id. */
    public static final String REPLAY_ID = "tributary.replay.id";

    /** On mapped and ods records: the staging dataset the record was mapped from. */
    public static final String ODS_DATASET = "tributary.ods.dataset";
    /** On mapped and ods records: the entity version (decimal text; epoch units of the version field for event time). */
    public static final String ODS_VERSION = "tributary.ods.version";
    /** On mapped and ods records: the priority of the source it was mapped from (decimal text). */
    public static final String ODS_PRIORITY = "tributary.ods.priority";
    /** On records rejected by a mapping: the entity whose mapping failed. */
    public static final String ODS_ENTITY = "tributary.ods.entity";

    /** The headers the validator writes on a rejected record; stale ones of a re-sent record are replaced. */
    public static final List<String> REJECTION = List.of(REASON, RULE, FIELD, MESSAGE, SOURCE_TOPIC, SOURCE_PARTITION, SOURCE_OFFSET);

    /** Headers the validator writes on staging records; a landing record's own copies are dropped. */
    public static final List<String> STAGING = List.of(SOURCE_TOPIC, SOURCE_PARTITION, SOURCE_OFFSET, WARN_RULES, REPLAY_ID);

    private RejectHeaderNames() {
    }
}
