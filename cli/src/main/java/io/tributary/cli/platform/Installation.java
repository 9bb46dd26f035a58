package io.tributary.cli.platform;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import io.tributary.catalog.trino.TrinoServerConfig;
import io.tributary.local.LocalRuntimeException;

/**
 * The built platform in a checkout: the CLI's class path (which also carries the broker, the S3
 * server and the Connect worker), the Connect plugins, and the packaged Quarkus applications.
 */
public record Installation(Path home) {

    /** The checkout the `tributary` script runs from ({@code -Dtributary.home}), else the current folder. */
    public static Installation current() {
        return new Installation(Path.of(System.getProperty("tributary.home", ".")).toAbsolutePath().normalize());
    }

    public Path registryJar() {
        return home.resolve("schema-registry/server/target/quarkus-app/quarkus-run.jar");
    }

    public Path validatorJar() {
        return home.resolve("stream-processors/target/quarkus-app/quarkus-run.jar");
    }

    public Path ingestJar() {
        return home.resolve("ingest-service/target/quarkus-app/quarkus-run.jar");
    }

    /** The folder a Connect worker's plugin.path points at: one sub-folder per plugin. */
    public Path connectPlugins() {
        return home.resolve("connectors/target/connect-plugins");
    }

    public String runtimeClasspath() {
        Path cli = home.resolve("cli/target");
        return cli.resolve("tributary-cli.jar") + File.pathSeparator + cli.resolve("lib") + File.separator + "*";
    }

    public Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The Trino server, unpacked by the catalog module's {@code trino} Maven profile. */
    public Path trinoHome() {
        return home.resolve("catalog/target/trino/trino-server-core-" + TrinoServerConfig.VERSION);
    }

    /** Trino 476 needs Java 24 or later: $TRIBUTARY_TRINO_JAVA, else the Temurin 25 of this machine. */
    public Path trinoJava() {
        String configured = System.getenv("TRIBUTARY_TRINO_JAVA");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    }

    /**
     * Makes sure Trino is there, downloading it on first use: it is 450 MB, so the default build
     * leaves it out and `tributary up --engine trino` fetches it from Maven Central once (into
     * the Maven cache) and unpacks it into the catalog module's target folder.
     */
    public void requireTrino(Progress progress) {
        if (!Files.isExecutable(trinoJava())) {
            throw new LocalRuntimeException("Trino " + TrinoServerConfig.VERSION + " needs Java 24 or later; none at " + trinoJava()
                    + ". Install one and point TRIBUTARY_TRINO_JAVA at its bin/java");
        }
        if (TrinoServerConfig.isInstalled(trinoHome())) {
            return;
        }
        progress.step("Downloading Trino " + TrinoServerConfig.VERSION + " (server and Hive connector, about 450 MB, once)");
        List<String> mvn = List.of("mvn", "-B", "-q", "-Ptrino", "-f", home.resolve("catalog/pom.xml").toString(), "generate-resources");
        try {
            Process build = new ProcessBuilder(mvn).directory(home.toFile()).inheritIO().start();
            int exit = build.waitFor();
            if (exit != 0 || !TrinoServerConfig.isInstalled(trinoHome())) {
                throw new LocalRuntimeException("Fetching Trino failed (`" + String.join(" ", mvn) + "` exited with " + exit
                        + "); run it yourself to see why");
            }
        } catch (java.io.IOException e) {
            throw new LocalRuntimeException("Cannot run Maven to fetch Trino (`" + String.join(" ", mvn) + "`): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalRuntimeException("Interrupted while fetching Trino");
        }
        progress.done("Trino " + TrinoServerConfig.VERSION + " unpacked in " + trinoHome());
    }

    /** Fails with the command to run when a part of the platform has not been built. */
    public void requireBuilt() {
        for (Path p : new Path[] {registryJar(), validatorJar(), ingestJar(), connectPlugins(), home.resolve("cli/target/tributary-cli.jar"), home.resolve("cli/target/lib")}) {
            if (!Files.exists(p)) {
                throw new LocalRuntimeException(p + " is missing: build the platform first with `mvn -B -DskipTests install` in " + home);
            }
        }
    }
}
