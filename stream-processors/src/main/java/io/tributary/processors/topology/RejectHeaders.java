package io.tributary.processors.topology;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.tributary.model.RejectHeaderNames;
import io.tributary.processors.validation.ValidationOutcome;

/**
 * The {@code tributary.*} headers the validator writes (UTF-8 text), as fixed by the platform's
 * contracts: on rejected records the reason and source, on staging records the source (what makes
 * a replay idempotent) and the warnings. The landing record's own headers are kept; stale copies
 * of these (a record re-sent from the rejected topic) are replaced.
 */
public final class RejectHeaders {
    public static final String REASON = RejectHeaderNames.REASON;
    public static final String RULE = RejectHeaderNames.RULE;
    public static final String FIELD = RejectHeaderNames.FIELD;
    public static final String MESSAGE = RejectHeaderNames.MESSAGE;
    public static final String SOURCE_TOPIC = RejectHeaderNames.SOURCE_TOPIC;
    public static final String SOURCE_PARTITION = RejectHeaderNames.SOURCE_PARTITION;
    public static final String SOURCE_OFFSET = RejectHeaderNames.SOURCE_OFFSET;
    public static final String WARN_RULES = RejectHeaderNames.WARN_RULES;

    private RejectHeaders() {
    }

    /** The record's own headers plus the rejection's. */
    public static Headers rejection(Headers original, ValidationOutcome.Rejected why, String topic, int partition, long offset) {
        Headers headers = withoutPlatformHeaders(original);
        add(headers, REASON, why.reason().name());
        add(headers, RULE, why.rule());
        add(headers, FIELD, why.fieldPath());
        add(headers, MESSAGE, why.message());
        source(headers, topic, partition, offset);
        return headers;
    }

    /** The record's own headers plus its source and the {@code warn} rules it failed, for a staging record. */
    public static Headers staging(Headers original, String topic, int partition, long offset, List<String> warnings) {
        Headers headers = withoutPlatformHeaders(original);
        source(headers, topic, partition, offset);
        if (!warnings.isEmpty()) {
            add(headers, WARN_RULES, String.join(",", warnings));
        }
        return headers;
    }

    /** A copy of the record's headers without any the validator writes. */
    static Headers withoutPlatformHeaders(Headers original) {
        RecordHeaders headers = new RecordHeaders(original.toArray());
        RejectHeaderNames.REJECTION.forEach(headers::remove);
        RejectHeaderNames.STAGING.forEach(headers::remove);
        return headers;
    }

    private static void source(Headers headers, String topic, int partition, long offset) {
        add(headers, SOURCE_TOPIC, topic);
        add(headers, SOURCE_PARTITION, Integer.toString(partition));
        add(headers, SOURCE_OFFSET, Long.toString(offset));
    }

    static void add(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
