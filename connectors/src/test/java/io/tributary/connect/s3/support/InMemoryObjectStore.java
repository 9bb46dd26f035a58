package io.tributary.connect.s3.support;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.tributary.connect.s3.storage.ObjectStore;
import io.tributary.connect.s3.storage.ObjectUpload;
import io.tributary.connect.s3.storage.PendingUpload;
import io.tributary.connect.s3.storage.Precondition;
import io.tributary.connect.s3.storage.PreconditionFailedException;
import io.tributary.connect.s3.storage.StoredObject;
import io.tributary.connect.s3.storage.VersionedBytes;

/**
 * An object store in memory for unit tests of the sink's logic; S3 itself is tested with
 * S3Proxy. Uploads are listed as pending until completed or aborted, like multipart uploads,
 * and conditional writes are honoured. {@link #failCompletionsAfter(int)} makes completions fail.
 */
public final class InMemoryObjectStore implements ObjectStore {
    private final Map<String, byte[]> objects = new TreeMap<>();
    private final Map<String, String> etags = new TreeMap<>();
    private final Map<String, PendingUpload> pending = new TreeMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> puts = new ArrayList<>();
    private int completionsLeft = Integer.MAX_VALUE;

    @Override
    public synchronized ObjectUpload newUpload(String key, String contentType) {
        String id = "upload-" + ids.incrementAndGet();
        pending.put(id, new PendingUpload(key, id, Instant.now()));
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
                synchronized (InMemoryObjectStore.this) {
                    if (completionsLeft-- <= 0) {
                        throw new io.tributary.connect.s3.storage.StorageException("injected failure completing " + key, null);
                    }
                    finished = true;
                    pending.remove(id);
                    store(key, bytes.toByteArray());
                    return bytes.size();
                }
            }

            @Override
            public void abort() {
                synchronized (InMemoryObjectStore.this) {
                    if (!finished) {
                        finished = true;
                        pending.remove(id);
                    }
                }
            }
        };
    }

    /** The next {@code n} completions succeed, then they fail. */
    public synchronized void failCompletionsAfter(int n) {
        completionsLeft = n;
    }

    private void store(String key, byte[] content) {
        objects.put(key, content);
        etags.put(key, "\"" + ids.incrementAndGet() + "\"");
        puts.add(key);
    }

    public synchronized void put(String key, byte[] content) {
        store(key, content);
    }

    public synchronized byte[] getBytes(String key) {
        return objects.get(key);
    }

    public synchronized List<String> keys() {
        return List.copyOf(objects.keySet());
    }

    /** Keys under {@code prefix}, sorted. */
    public synchronized List<String> keys(String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    /** Every key written, in order, repeats included. */
    public synchronized List<String> writes() {
        return List.copyOf(puts);
    }

    /** Uploads started and neither completed nor aborted. */
    public synchronized int openUploads() {
        return pending.size();
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
    public synchronized byte[] readHead(String key, int n) {
        byte[] all = objects.get(key);
        return Arrays.copyOfRange(all, 0, Math.min(n, all.length));
    }

    @Override
    public synchronized Optional<VersionedBytes> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(b -> new VersionedBytes(b, etags.get(key)));
    }

    @Override
    public synchronized String put(String key, byte[] content, String contentType, Precondition precondition) {
        boolean exists = objects.containsKey(key);
        if (precondition instanceof Precondition.Absent && exists
                || precondition instanceof Precondition.Matching m && !m.etag().equals(etags.get(key))) {
            throw new PreconditionFailedException(key + ": " + precondition + " failed", null);
        }
        store(key, content);
        return etags.get(key);
    }

    @Override
    public synchronized void delete(Collection<String> keys) {
        keys.forEach(k -> {
            objects.remove(k);
            etags.remove(k);
        });
    }

    @Override
    public synchronized List<PendingUpload> pendingUploads(String prefix) {
        return pending.values().stream().filter(u -> u.key().startsWith(prefix)).toList();
    }

    @Override
    public synchronized void abort(PendingUpload upload) {
        pending.remove(upload.uploadId());
    }

    @Override
    public void close() {
    }
}
