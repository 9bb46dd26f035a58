package io.tributary.topics;

/** One change a plan makes to the cluster or the registry. */
public sealed interface PlanAction
        permits CreateTopic, AlterTopicConfigs, AddPartitions, DeleteTopic, RegisterSchema {

    /** What kind of change, for the plan's summary line. */
    enum Kind { CREATE, ALTER, DELETE, REGISTER }

    Kind kind();

    /** The topic or subject changed. */
    String target();

    /** What was done, for apply results: "created topic", "registered schema". */
    String doneVerb();

    /** One or more lines in the style of Terraform's plan ({@code +} create, {@code ~} alter, {@code -} delete). */
    String render();
}
