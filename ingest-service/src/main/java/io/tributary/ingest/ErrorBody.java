package io.tributary.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of every refused request; for a malformed body also where (line, column, byte offset), else those are absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(
        @JsonProperty("error_code") String errorCode,
        @JsonProperty("message") String message,
        @JsonProperty("line") Long line,
        @JsonProperty("column") Long column,
        @JsonProperty("byte_offset") Long byteOffset,
        @JsonProperty("request_id") String requestId) {

    public static ErrorBody of(ErrorCode code, String message, String requestId) {
        return new ErrorBody(code.name(), message, null, null, null, requestId);
    }
}
