package io.tributary.ingest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of a carried-out request (200, or 207 when some records failed): one result per record, in body order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResult(
        @JsonProperty("request_id") String requestId,
        @JsonProperty("topic") String topic,
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("accepted") int accepted,
        @JsonProperty("failed") int failed,
        @JsonProperty("records") List<RecordResult> records) {

    /** Where one record went ({@code partition}, {@code offset}) or why not ({@code error_code}, {@code message}, {@code retriable}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecordResult(
            @JsonProperty("index") int index,
            @JsonProperty("line") Integer line,
            @JsonProperty("partition") Integer partition,
            @JsonProperty("offset") Long offset,
            @JsonProperty("error_code") String errorCode,
            @JsonProperty("message") String message,
            @JsonProperty("retriable") Boolean retriable) {
    }
}
