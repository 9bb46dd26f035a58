package io.tributary.topics;

import java.util.stream.Collectors;

/** A topic the descriptor wants and the cluster lacks. */
public record CreateTopic(TopicSpec topic) implements PlanAction {

    @Override
    public Kind kind() {
        return Kind.CREATE;
    }

    @Override
    public String doneVerb() {
        return "created topic";
    }

    @Override
    public String target() {
        return topic.name();
    }

    @Override
    public String render() {
        String configs = topic.configs().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return "+ create topic " + topic.name() + " partitions=" + topic.partitions() + " " + configs
                + " replication.factor=" + topic.replicationFactor();
    }
}
