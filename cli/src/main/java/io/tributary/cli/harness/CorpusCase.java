package io.tributary.cli.harness;

import java.util.Map;

/**
 * One kind of malformed (or, as a control, well-formed) input: a name, the way it enters the
 * platform, the dataset it is for, what it is, and what the platform must do with it.
 */
public record CorpusCase(String name, Channel channel, String dataset, String description, Expected expected, Input input) {

    /** How the input enters the platform. */
    public enum Channel { JSON, CSV, AVRO, EXCEL, CSV_FILE, HTTP }

    /** The outcome the platform must give. */
    public enum Outcome {
        /** Every record reaches staging. */
        ACCEPTED,
        /** Every record lands and is rejected by the validator with {@link Expected#reason()}. */
        REJECTED,
        /** The ingest service refuses the request with {@link Expected#httpStatus()}; nothing lands. */
        REFUSED,
        /** The ingress source refuses the whole file with {@link Expected#reason()}; nothing lands. */
        FILE_REJECTED,
        /** The file lands, one record fails with {@link Expected#reason()}, and its batch is rejected whole. */
        BATCH_REJECTED
    }

    /**
     * @param reason     the validator's or the ingress source's reason code, for rejections
     * @param field      the field path the reject must name, or null when not checked
     * @param httpStatus the status the ingest service must answer (200 for accepted HTTP input)
     */
    public record Expected(Outcome outcome, String reason, String field, int httpStatus) {
        public static Expected accepted() {
            return new Expected(Outcome.ACCEPTED, null, null, 0);
        }

        public static Expected rejected(String reason) {
            return new Expected(Outcome.REJECTED, reason, null, 0);
        }

        public static Expected rejected(String reason, String field) {
            return new Expected(Outcome.REJECTED, reason, field, 0);
        }

        public static Expected refused(int status) {
            return new Expected(Outcome.REFUSED, null, null, status);
        }

        public static Expected fileRejected(String reason) {
            return new Expected(Outcome.FILE_REJECTED, reason, null, 0);
        }

        public static Expected batchRejected(String reason) {
            return new Expected(Outcome.BATCH_REJECTED, reason, null, 0);
        }

        /** Accepted input sent over HTTP: a 200, then every record in staging. */
        public static Expected acceptedOverHttp() {
            return new Expected(Outcome.ACCEPTED, null, null, 200);
        }

        @Override
        public String toString() {
            return switch (outcome) {
                case ACCEPTED -> httpStatus == 0 ? "accepted" : "HTTP " + httpStatus + ", accepted";
                case REJECTED -> "rejected " + reason + (field == null ? "" : " at " + field);
                case REFUSED -> "HTTP " + httpStatus;
                case FILE_REJECTED -> "file rejected " + reason;
                case BATCH_REJECTED -> "batch rejected, first failure " + reason;
            };
        }
    }

    /** What is sent. */
    public sealed interface Input permits LandingInput, HttpInput, FileInput {
    }

    /** A record written straight to the dataset's landing topic (value may be null), with headers; keyed by the case name or not at all. */
    public record LandingInput(byte[] value, Map<String, String> headers, boolean keyed) implements Input {
        public LandingInput(byte[] value, Map<String, String> headers) {
            this(value, headers, true);
        }
    }

    /** A request to the ingest service; a null content type sends none. */
    public record HttpInput(String zone, String dataset, String contentType, byte[] body) implements Input {
    }

    /** A file dropped in the ingress bucket under {@code <zone>/<dataset>/}. */
    public record FileInput(String fileName, byte[] content) implements Input {
    }
}
