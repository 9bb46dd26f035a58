package io.tributary.connect.source.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.tributary.connect.source.store.IngressObject;
import io.tributary.connect.source.store.IngressStore;

/** An ingress bucket in memory, with MD5 entity tags as S3 gives single-part objects. */
public final class InMemoryIngressStore implements IngressStore {
    private final Map<String, byte[]> objects = new TreeMap<>();
    private final Map<String, Instant> times = new ConcurrentHashMap<>();
    public final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();

    public synchronized String put(String key, byte[] content) {
        objects.put(key, content);
        times.put(key, Instant.now());
        return eTag(content);
    }

    public synchronized boolean exists(String key) {
        return objects.containsKey(key);
    }

    public synchronized List<String> keys() {
        return new ArrayList<>(objects.keySet());
    }

    static String eTag(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized List<IngressObject> list(String prefix) {
        return objects.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(e -> new IngressObject(e.getKey(), "\"" + eTag(e.getValue()) + "\"", e.getValue().length, times.get(e.getKey())))
                .toList();
    }

    @Override
    public synchronized Optional<IngressObject> head(String key) {
        byte[] content = objects.get(key);
        return content == null ? Optional.empty() : Optional.of(new IngressObject(key, eTag(content), content.length, times.get(key)));
    }

    @Override
    public synchronized boolean download(String key, String eTag, Path target) {
        byte[] content = objects.get(key);
        if (content == null || !eTag(content).equals(eTag)) {
            return false;
        }
        try {
            Files.write(target, content);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void move(String key, String targetKey) {
        byte[] content = objects.remove(key);
        if (content == null) {
            throw new IllegalStateException("no " + key);
        }
        objects.put(targetKey, content);
        times.put(targetKey, Instant.now());
    }

    @Override
    public void tag(String key, Map<String, String> tagSet) {
        tags.put(key, Map.copyOf(tagSet));
    }

    @Override
    public void close() {
    }
}
