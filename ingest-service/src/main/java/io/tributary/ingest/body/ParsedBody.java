package io.tributary.ingest.body;

import java.util.List;
import java.util.Optional;

/**
 * The records of one request body, in body order, and for CSV the header line that names their
 * columns (sent with every row as {@code tributary.csv.header}).
 */
public record ParsedBody(List<LandingRecord> records, Optional<String> csvHeader) {
    public ParsedBody {
        records = List.copyOf(records);
    }

    public static ParsedBody of(List<LandingRecord> records) {
        return new ParsedBody(records, Optional.empty());
    }
}
