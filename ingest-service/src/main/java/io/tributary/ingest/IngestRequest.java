package io.tributary.ingest;

/**
 * One {@code POST /zones/{zone}/datasets/{dataset}/records} as the service sees it, free of HTTP
 * framework types. Nullable: contentType, authorization, idempotencyKey, batchId.
 */
public record IngestRequest(
        String zone,
        String dataset,
        String contentType,
        byte[] body,
        String authorization,
        String idempotencyKey,
        String batchId,
        String clientAddress,
        String requestId) {

    /** The same request as one batch. */
    public IngestRequest withBatchId(String newBatchId) {
        return new IngestRequest(zone, dataset, contentType, body, authorization, idempotencyKey, newBatchId, clientAddress, requestId);
    }
}
