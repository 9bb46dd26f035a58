package io.tributary.connect.s3.commit;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.connect.s3.naming.ObjectKeys;
import io.tributary.connect.s3.storage.ObjectStore;
import io.tributary.connect.s3.storage.Precondition;
import io.tributary.connect.s3.storage.PreconditionFailedException;
import io.tributary.connect.s3.storage.VersionedBytes;
import io.tributary.model.TopicName;

/**
 * Reads and writes partition checkpoints. Every write is conditional on the checkpoint being
 * as this task last saw it ({@code If-Match}, or {@code If-None-Match: *} for the first), so a
 * second writer of the same partition is detected instead of silently interleaving.
 */
public final class CheckpointStore {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ObjectStore store;
    private final ObjectKeys keys;

    public CheckpointStore(ObjectStore store, ObjectKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    /** A checkpoint and the entity tag it was read with. */
    public record Stored(Checkpoint checkpoint, String etag) {
    }

    public Optional<Stored> read(TopicName topic, int partition) {
        String key = keys.checkpointKey(topic, partition);
        Optional<VersionedBytes> bytes = store.get(key);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            Checkpoint checkpoint = JSON.readValue(bytes.get().content(), Checkpoint.class);
            if (checkpoint.version() != Checkpoint.VERSION || checkpoint.partition() != partition
                    || !topic.toString().equals(checkpoint.topic())) {
                throw new IllegalStateException("checkpoint " + key + " is for " + checkpoint.topic() + "/" + checkpoint.partition()
                        + " version " + checkpoint.version() + ", expected " + topic + "/" + partition + " version " + Checkpoint.VERSION);
            }
            return Optional.of(new Stored(checkpoint, bytes.get().etag()));
        } catch (IOException e) {
            throw new IllegalStateException("checkpoint " + key + " is not readable JSON: " + e.getMessage()
                    + "; delete it to have the sink rebuild it from the files' metadata", e);
        }
    }

    /**
     * Writes {@code checkpoint} if the stored one still has {@code etag} (null: if there is none)
     * and returns the new entity tag.
     *
     * @throws FencedException if another writer changed it meanwhile
     */
    public String save(Checkpoint checkpoint, String etag) {
        String key = keys.checkpointKey(TopicName.parse(checkpoint.topic()), checkpoint.partition());
        byte[] bytes;
        try {
            bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(checkpoint);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write checkpoint " + key + " as JSON", e);
        }
        try {
            return store.put(key, bytes, "application/json", etag == null ? Precondition.ABSENT : Precondition.matching(etag));
        } catch (PreconditionFailedException e) {
            throw new FencedException(checkpoint.topic() + "/" + checkpoint.partition() + ": the checkpoint " + key + " was updated"
                    + " by another writer since this task read it; two tasks are writing this partition. This task stops; restarted,"
                    + " it resumes from what the lake holds", e);
        }
    }
}
