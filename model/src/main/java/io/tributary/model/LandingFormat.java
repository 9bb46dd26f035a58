package io.tributary.model;

import java.util.Locale;

/** How records arrive on a dataset's landing topic. */
public enum LandingFormat {
    /** One JSON object per record. */
    JSON,
    /** One CSV line per record, columns named by a header. */
    CSV,
    /** Avro in Confluent's wire format. */
    AVRO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
