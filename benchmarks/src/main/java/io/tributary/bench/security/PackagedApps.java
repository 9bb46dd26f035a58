package io.tributary.bench.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.tributary.bench.pipeline.ValidatorProcess;
import io.tributary.local.RegistryProcess;

/**
 * A copy of the packaged validator and registry ({@code target/quarkus-app} folders) for the
 * length of the run: the open and the secured run must time the same build, and a rebuild of
 * either module while the benchmark runs (other work on the same checkout) would otherwise pull
 * jars from under a running JVM. Points {@code validator.jar} and {@code tributary.registry.jar} at
 * the copies.
 */
final class PackagedApps implements AutoCloseable {
    private final Path dir;

    private PackagedApps(Path dir) {
        this.dir = dir;
    }

    static PackagedApps copyInto(Path dir) {
        Path validator = ValidatorProcess.jar();
        if (System.getProperty(RegistryProcess.JAR_PROPERTY) == null) {
            System.setProperty(RegistryProcess.JAR_PROPERTY, "schema-registry/server/target/quarkus-app/quarkus-run.jar");
        }
        Path registry = RegistryProcess.requirePackagedJar();
        PackagedApps apps = new PackagedApps(dir);
        System.setProperty("validator.jar", apps.copy(validator, "validator").toString());
        System.setProperty(RegistryProcess.JAR_PROPERTY, apps.copy(registry, "registry").toString());
        return apps;
    }

    /** Copies the application folder of {@code runJar} (its quarkus-app) to {@code dir/name}; @return the copy's run jar. */
    private Path copy(Path runJar, String name) {
        Path from = runJar.toAbsolutePath().getParent();
        Path to = dir.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the packaged " + name + " from " + from + " to " + to + ": " + e.getMessage(), e);
        }
        return to.resolve(runJar.getFileName().toString());
    }

    /** The copies are large (over 100 MB) and of no use after the run. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("Could not delete the copies of the packaged applications in " + dir + ": " + e.getMessage());
        }
    }
}
