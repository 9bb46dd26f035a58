package io.tributary.topics;

/** A zone topic on the cluster that no descriptor asks for any more. */
public record DeleteTopic(String topic) implements PlanAction {

    @Override
    public Kind kind() {
        return Kind.DELETE;
    }

    @Override
    public String doneVerb() {
        return "deleted topic";
    }

    @Override
    public String target() {
        return topic;
    }

    @Override
    public String render() {
        return "- delete topic " + topic + " (unmanaged: not in the zone descriptor; its records are lost)";
    }
}
