package io.tributary.topics;

/** Raise a topic's partition count (Kafka can only add partitions, never remove them). */
public record AddPartitions(String topic, int from, int to) implements PlanAction {

    @Override
    public Kind kind() {
        return Kind.ALTER;
    }

    @Override
    public String doneVerb() {
        return "added partitions to topic";
    }

    @Override
    public String target() {
        return topic;
    }

    @Override
    public String render() {
        return "~ alter topic " + topic + "\n      partitions: " + from + " -> " + to
                + " (records with the same key may go to another partition from now on)";
    }
}
