package io.tributary.registry.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.tributary.local.LocalKafkaBroker;

/** A real single-node KRaft broker in this JVM, in a temporary folder removed on close. */
public final class TestBroker implements AutoCloseable {
    private final Path dataDir;
    private final LocalKafkaBroker broker;

    private TestBroker(Path dataDir, LocalKafkaBroker broker) {
        this.dataDir = dataDir;
        this.broker = broker;
    }

    public static TestBroker start() {
        return start(0);
    }

    /** @param port the port to listen on; 0 picks a free one */
    public static TestBroker start(int port) {
        try {
            Path dir = Files.createTempDirectory("registry-test-kafka");
            return new TestBroker(dir, LocalKafkaBroker.start(dir, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void close() {
        broker.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is not worth failing a test for.
        }
    }
}
