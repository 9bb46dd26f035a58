package io.tributary.connect.s3.storage;

import java.util.Collection;
import java.util.List;

/** What the sink needs of an object store: the seam between the sink's logic and S3. */
public interface ObjectStore extends AutoCloseable {

    /** Starts writing {@code key}; nothing is visible until {@link ObjectUpload#complete()}. */
    ObjectUpload newUpload(String key);

    /** Every object whose key starts with {@code prefix}. */
    List<StoredObject> list(String prefix);

    /** The last {@code bytes} bytes of an object (all of it if it is smaller). */
    byte[] readTail(String key, int bytes);

    void delete(Collection<String> keys);

    @Override
    void close();
}
