package io.tributary.processors.ods;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.tributary.model.RejectHeaderNames;

/** The headers of mapped and ods records: where the record came from, its version and its source's priority. */
final class OdsHeaders {
    private OdsHeaders() {
    }

    static Headers mapped(String dataset, String topic, int partition, long offset, long version, int priority) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, RejectHeaderNames.SOURCE_TOPIC, topic);
        add(headers, RejectHeaderNames.SOURCE_PARTITION, Integer.toString(partition));
        add(headers, RejectHeaderNames.SOURCE_OFFSET, Long.toString(offset));
        add(headers, RejectHeaderNames.ODS_DATASET, dataset);
        add(headers, RejectHeaderNames.ODS_VERSION, Long.toString(version));
        add(headers, RejectHeaderNames.ODS_PRIORITY, Integer.toString(priority));
        return headers;
    }

    static long longValue(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        if (header == null || header.value() == null) {
            throw new IllegalArgumentException("header " + key + " is missing");
        }
        return Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
    }

    static void add(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
