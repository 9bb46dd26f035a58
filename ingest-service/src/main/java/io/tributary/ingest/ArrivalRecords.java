package io.tributary.ingest;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import io.tributary.ingest.catalog.BatchArrival;

/**
 * The arrival record of a request that carried a batch, in the ingress file source's contract
 * (docs/ingress.md): source {@code http:<principal>}, the body's size and SHA-256, the records written.
 */
final class ArrivalRecords {
    private ArrivalRecords() {
    }

    static BatchArrival of(IngestRequest request, byte[] body, IngestResult result, Instant arrivedAt, String principal) {
        boolean complete = result.failed() == 0;
        return new BatchArrival(BatchArrival.KIND, request.zone(), request.dataset(), request.batchId(),
                "http:" + (principal == null || principal.isBlank() ? "anonymous" : principal), request.requestId(), body.length,
                format(request.contentType()), result.accepted(), "sha256:" + HexFormat.of().formatHex(IngestService.sha256().digest(body)),
                result.topic(), arrivedAt.toString(), Instant.now().toString(), complete ? BatchArrival.INGESTED : BatchArrival.INCOMPLETE,
                complete ? null : result.failed() + " of " + (result.accepted() + result.failed()) + " record(s) were not written");
    }

    /** {@code json}, {@code ndjson} or {@code csv}: the body's media type without its parameters or {@code x-}. */
    static String format(String contentType) {
        String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.substring(mediaType.lastIndexOf('/') + 1).replace("x-", "");
    }
}
