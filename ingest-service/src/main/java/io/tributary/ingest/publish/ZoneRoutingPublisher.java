package io.tributary.ingest.publish;

import java.util.List;
import java.util.Map;

import io.tributary.model.TopicName;

/** Sends a landing topic's records through its zone's own publisher, or the shared one for a zone without. */
public final class ZoneRoutingPublisher implements LandingPublisher {
    private final Map<String, LandingPublisher> byZone;
    private final LandingPublisher shared;

    public ZoneRoutingPublisher(Map<String, LandingPublisher> byZone, LandingPublisher shared) {
        this.byZone = Map.copyOf(byZone);
        this.shared = shared;
    }

    @Override
    public List<RecordOutcome> publish(String topic, List<OutgoingRecord> records) {
        return byZone.getOrDefault(TopicName.parse(topic).zone(), shared).publish(topic, records);
    }
}
