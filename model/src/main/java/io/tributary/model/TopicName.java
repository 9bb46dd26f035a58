package io.tributary.model;

/** A zone topic's name: {@code <zone>.<stage>.<dataset>}. */
public record TopicName(String zone, Stage stage, String dataset) {

    public TopicName {
        if (!Names.isValid(zone)) {
            throw new IllegalArgumentException("zone name '" + zone + "' does not match " + Names.RULE);
        }
        if (!Names.isValid(dataset)) {
            throw new IllegalArgumentException("dataset name '" + dataset + "' does not match " + Names.RULE);
        }
        if (stage == null) {
            throw new IllegalArgumentException("stage is missing");
        }
    }

    public static TopicName of(String zone, Stage stage, String dataset) {
        return new TopicName(zone, stage, dataset);
    }

    /** Parses {@code <zone>.<stage>.<dataset>}; fails with a message naming the part that is wrong. */
    public static TopicName parse(String topic) {
        String[] parts = topic == null ? new String[0] : topic.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("topic '" + topic + "' is not of the form <zone>.<stage>.<dataset>");
        }
        Stage stage = Stage.fromId(parts[1]).orElseThrow(() -> new IllegalArgumentException(
                "topic '" + topic + "': unknown stage '" + parts[1] + "'"));
        return new TopicName(parts[0], stage, parts[2]);
    }

    /** The subject of its values under Confluent's TopicNameStrategy. */
    public String valueSubject() {
        return this + "-value";
    }

    public String keySubject() {
        return this + "-key";
    }

    public TopicName withStage(Stage other) {
        return new TopicName(zone, other, dataset);
    }

    @Override
    public String toString() {
        return zone + "." + stage.id() + "." + dataset;
    }
}
