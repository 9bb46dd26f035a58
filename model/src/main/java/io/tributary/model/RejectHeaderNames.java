package io.tributary.model;

import java.util.List;

/**
 * The headers a record in a {@code <zone>.rejected.<dataset>} topic carries (UTF-8 text), beside
 * its original key and value bytes. A contract between the validator and whoever reads rejects.
 */
public final class RejectHeaderNames {
    /** The reason code, e.g. {@code NOT_JSON}, {@code MISSING_FIELD}. */
    public static final String REASON = "tributary.reject.reason";
    /** The field path the reason concerns; empty when it concerns the whole record. */
    public static final String FIELD = "tributary.reject.field";
    public static final String MESSAGE = "tributary.reject.message";
    public static final String SOURCE_TOPIC = "tributary.source.topic";
    public static final String SOURCE_PARTITION = "tributary.source.partition";
    public static final String SOURCE_OFFSET = "tributary.source.offset";
    /** The batch the record came in, where there is one. */
    public static final String BATCH_ID = "tributary.batch.id";

    public static final List<String> REJECTION = List.of(REASON, FIELD, MESSAGE, SOURCE_TOPIC, SOURCE_PARTITION, SOURCE_OFFSET);

    private RejectHeaderNames() {
    }
}
