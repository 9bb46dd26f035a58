package io.tributary.ingest.publish;

import java.util.List;

import org.apache.kafka.common.header.Header;

/** A landing record ready to send: its unchanged bytes and every header it carries. */
public record OutgoingRecord(byte[] value, List<Header> headers) {
    public OutgoingRecord {
        headers = List.copyOf(headers);
    }
}
