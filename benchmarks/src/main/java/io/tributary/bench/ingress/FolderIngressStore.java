package io.tributary.bench.ingress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.tributary.connect.source.store.IngressObject;
import io.tributary.connect.source.store.IngressStore;

/** An ingress "bucket" that is a local folder: the benchmark measures the source, not S3. */
final class FolderIngressStore implements IngressStore {
    private final Path root;

    FolderIngressStore(Path root) {
        this.root = root;
    }

    private IngressObject object(Path file) {
        try {
            String key = root.relativize(file).toString().replace('\\', '/');
            return new IngressObject(key, Long.toHexString(Files.size(file)) + "-" + Files.getLastModifiedTime(file).toMillis(),
                    Files.size(file), Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<IngressObject> list(String prefix) {
        Path dir = root.resolve(prefix);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(this::object).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<IngressObject> head(String key) {
        Path file = root.resolve(key);
        return Files.isRegularFile(file) ? Optional.of(object(file)) : Optional.empty();
    }

    @Override
    public boolean download(String key, String eTag, Path target) {
        try {
            Files.copy(root.resolve(key), target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void move(String key, String targetKey) {
        // the benchmark leaves its files in place
    }

    @Override
    public void tag(String key, Map<String, String> tags) {
    }

    @Override
    public void close() {
    }
}
