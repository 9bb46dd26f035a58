package io.tributary.topics;

import java.util.List;
import java.util.stream.Collectors;

/** Topic configs to set to the descriptor's values, each shown with its value on the cluster. */
public record AlterTopicConfigs(String topic, List<ConfigChange> changes) implements PlanAction {

    public AlterTopicConfigs {
        changes = List.copyOf(changes);
    }

    @Override
    public Kind kind() {
        return Kind.ALTER;
    }

    @Override
    public String doneVerb() {
        return "altered topic";
    }

    @Override
    public String target() {
        return topic;
    }

    @Override
    public String render() {
        return "~ alter topic " + topic + changes.stream().map(c -> "\n      " + c).collect(Collectors.joining());
    }
}
