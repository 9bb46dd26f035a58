package io.tributary.connect.s3.storage;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What the sink needs of an object store: the seam between the sink's logic and S3. */
public interface ObjectStore extends AutoCloseable {

    /** Starts writing {@code key}; nothing is visible until {@link ObjectUpload#complete()}. */
    ObjectUpload newUpload(String key, String contentType);

    /** Every object whose key starts with {@code prefix}. */
    List<StoredObject> list(String prefix);

    /** The last {@code bytes} bytes of an object (all of it if it is smaller). */
    byte[] readTail(String key, int bytes);

    /** The first {@code bytes} bytes of an object (all of it if it is smaller). */
    byte[] readHead(String key, int bytes);

    /** A small object read whole with its entity tag, or empty if it does not exist. */
    Optional<VersionedBytes> get(String key);

    /**
     * Writes a small object whole, if {@code precondition} holds, and returns its new entity tag.
     *
     * @throws PreconditionFailedException if the object changed (or appeared) since the caller read it
     */
    String put(String key, byte[] content, String contentType, Precondition precondition);

    void delete(Collection<String> keys);

    /** Multipart uploads started under {@code prefix} and neither completed nor aborted. */
    List<PendingUpload> pendingUploads(String prefix);

    /** Discards a multipart upload and its parts. */
    void abort(PendingUpload upload);

    @Override
    void close();
}
