package io.tributary.connect.s3.storage;

/** An object that exists in the store. */
public record StoredObject(String key, long size) {
}
