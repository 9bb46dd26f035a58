package io.tributary.connect.s3.support;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.tributary.connect.s3.storage.ObjectStore;
import io.tributary.connect.s3.storage.ObjectUpload;
import io.tributary.connect.s3.storage.StoredObject;

/** An object store in memory for unit tests of the sink's logic; S3 itself is tested with S3Proxy. */
public final class InMemoryObjectStore implements ObjectStore {
    private final Map<String, byte[]> objects = new TreeMap<>();
    private final AtomicInteger openUploads = new AtomicInteger();

    @Override
    public synchronized ObjectUpload newUpload(String key) {
        openUploads.incrementAndGet();
        return new ObjectUpload() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private boolean finished;

            @Override
            public String key() {
                return key;
            }

            @Override
            public long position() {
                return bytes.size();
            }

            @Override
            public long bufferedBytes() {
                return bytes.size();
            }

            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public void close() {
            }

            @Override
            public long complete() {
                finished = true;
                openUploads.decrementAndGet();
                put(key, bytes.toByteArray());
                return bytes.size();
            }

            @Override
            public void abort() {
                if (!finished) {
                    finished = true;
                    openUploads.decrementAndGet();
                }
            }
        };
    }

    public synchronized void put(String key, byte[] content) {
        objects.put(key, content);
    }

    public synchronized byte[] get(String key) {
        return objects.get(key);
    }

    public synchronized List<String> keys() {
        return List.copyOf(objects.keySet());
    }

    /** Uploads started and neither completed nor aborted. */
    public int openUploads() {
        return openUploads.get();
    }

    @Override
    public synchronized List<StoredObject> list(String prefix) {
        return objects.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(e -> new StoredObject(e.getKey(), e.getValue().length)).toList();
    }

    @Override
    public synchronized byte[] readTail(String key, int n) {
        byte[] all = objects.get(key);
        return Arrays.copyOfRange(all, Math.max(0, all.length - n), all.length);
    }

    @Override
    public synchronized void delete(Collection<String> keys) {
        keys.forEach(objects::remove);
    }

    @Override
    public void close() {
    }
}
