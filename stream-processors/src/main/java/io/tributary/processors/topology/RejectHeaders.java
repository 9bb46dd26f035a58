package io.tributary.processors.topology;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.tributary.model.RejectHeaderNames;
import io.tributary.processors.validation.ValidationOutcome;

/** The headers a rejected record carries (UTF-8 text), as fixed by the platform's contracts. */
public final class RejectHeaders {
    public static final String REASON = RejectHeaderNames.REASON;
    public static final String FIELD = RejectHeaderNames.FIELD;
    public static final String MESSAGE = RejectHeaderNames.MESSAGE;
    public static final String SOURCE_TOPIC = RejectHeaderNames.SOURCE_TOPIC;
    public static final String SOURCE_PARTITION = RejectHeaderNames.SOURCE_PARTITION;
    public static final String SOURCE_OFFSET = RejectHeaderNames.SOURCE_OFFSET;
    static final List<String> ALL = RejectHeaderNames.REJECTION;

    private RejectHeaders() {
    }

    /** The record's own headers plus the rejection's; stale rejection headers (a re-sent rejected record) are replaced. */
    static Headers rejection(Headers original, ValidationOutcome.Rejected why, String topic, int partition, long offset) {
        Headers headers = withoutRejection(original);
        add(headers, REASON, why.reason().name());
        add(headers, FIELD, why.fieldPath());
        add(headers, MESSAGE, why.message());
        add(headers, SOURCE_TOPIC, topic);
        add(headers, SOURCE_PARTITION, Integer.toString(partition));
        add(headers, SOURCE_OFFSET, Long.toString(offset));
        return headers;
    }

    /** A copy of the record's headers without any rejection headers, for records that pass. */
    static Headers withoutRejection(Headers original) {
        RecordHeaders headers = new RecordHeaders(original.toArray());
        ALL.forEach(headers::remove);
        return headers;
    }

    private static void add(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
