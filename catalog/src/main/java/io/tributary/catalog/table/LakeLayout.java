package io.tributary.catalog.table;

import io.tributary.model.TopicName;

/**
 * Where the sink puts a topic's files: {@code s3://<bucket>/<stage>/<zone>/<dataset>/}, which is
 * the table's location.
 */
public record LakeLayout(String bucket) {
    public static final LakeLayout LOCAL = new LakeLayout("lake");

    public LakeLayout {
        if (bucket == null || bucket.isBlank() || bucket.contains("/")) {
            throw new IllegalArgumentException("lake bucket '" + bucket + "' is not a bucket name");
        }
    }

    /** The dataset folder, ending with a slash. */
    public String location(TopicName topic) {
        return "s3://" + bucket + "/" + topic.stage().id() + "/" + topic.zone() + "/" + topic.dataset() + "/";
    }
}
