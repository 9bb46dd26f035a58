package io.tributary.ingest.publish;

import java.util.List;

/** Sends a request's records to a landing topic and says, per record, where each went or why it did not. */
public interface LandingPublisher {
    /** Blocks until every record is acknowledged or has failed; the outcomes are in request order. */
    List<RecordOutcome> publish(String topic, List<OutgoingRecord> records);
}
