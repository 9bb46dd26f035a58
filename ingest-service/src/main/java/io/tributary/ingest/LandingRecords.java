package io.tributary.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import io.tributary.ingest.body.ParsedBody;
import io.tributary.ingest.publish.IngestHeaderNames;
import io.tributary.ingest.publish.OutgoingRecord;
import io.tributary.model.RejectHeaderNames;

/**
 * The records of a request with their headers: source, client address, principal and request id
 * on every one, the CSV header line on CSV rows, and in a batch the batch id on every record and
 * the batch's record count ({@code tributary.batch.end}) on the last.
 */
final class LandingRecords {
    private LandingRecords() {
    }

    static List<OutgoingRecord> of(ParsedBody body, IngestRequest request, String requestId, String principal) {
        List<Header> common = new ArrayList<>();
        common.add(header(IngestHeaderNames.SOURCE, IngestHeaderNames.SOURCE_HTTP));
        if (request.clientAddress() != null) {
            common.add(header(IngestHeaderNames.SOURCE_ADDRESS, request.clientAddress()));
        }
        common.add(header(IngestHeaderNames.PRINCIPAL, principal));
        common.add(header(IngestHeaderNames.REQUEST_ID, requestId));
        body.csvHeader().ifPresent(h -> common.add(header(RejectHeaderNames.CSV_HEADER, h)));
        if (request.batchId() != null) {
            common.add(header(RejectHeaderNames.BATCH_ID, request.batchId()));
        }
        int count = body.records().size();
        List<OutgoingRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<Header> headers = common;
            if (request.batchId() != null && i == count - 1) {
                headers = new ArrayList<>(common);
                headers.add(header(RejectHeaderNames.BATCH_END, Integer.toString(count)));
            }
            records.add(new OutgoingRecord(body.records().get(i).value(), headers));
        }
        return records;
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
