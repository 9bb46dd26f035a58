package io.tributary.ingest;

import java.util.Map;

/** What to answer: the HTTP status, a JSON body ({@link IngestResult} or {@link ErrorBody}) and extra headers. */
public record IngestAnswer(int status, Object body, Map<String, String> headers) {
    public IngestAnswer {
        headers = Map.copyOf(headers);
    }

    public static IngestAnswer error(ErrorCode code, String message, String requestId) {
        return new IngestAnswer(code.status(), ErrorBody.of(code, message, requestId), Map.of());
    }

    /** The error code of a refused request; null for a carried-out one. */
    public String errorCode() {
        return body instanceof ErrorBody e ? e.errorCode() : null;
    }
}
