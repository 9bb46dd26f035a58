package io.tributary.connect.source.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the ingress source needs of the bucket files are dropped in: the seam between the source and S3. */
public interface IngressStore extends AutoCloseable {

    /** Every object under {@code prefix}, with its entity tag. */
    List<IngressObject> list(String prefix);

    /** The object as it is now, or empty if it does not exist (any more). */
    Optional<IngressObject> head(String key);

    /**
     * Copies the object's content to {@code target}, if it still has entity tag {@code eTag}.
     *
     * @return false if the object is gone or was replaced by another version meanwhile
     */
    boolean download(String key, String eTag, Path target);

    /** Moves an object to another key (copy, then delete). */
    void move(String key, String targetKey);

    /** Replaces the object's tags. */
    void tag(String key, Map<String, String> tags);

    @Override
    void close();
}
