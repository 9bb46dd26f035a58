package io.tributary.connect.s3.storage;

/** An object's content and its entity tag, for a later conditional write. */
public record VersionedBytes(byte[] content, String etag) {
}
