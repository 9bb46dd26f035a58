package io.tributary.cli.platform;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** Fails with the command to run when a part of the platform has not been built. */
    public void requireBuilt() {
        for (Path p : new Path[] {registryJar(), validatorJar(), connectPlugins(), home.resolve("cli/target/tributary-cli.jar"), home.resolve("cli/target/lib")}) {
            if (!Files.exists(p)) {
                throw new LocalRuntimeException(p + " is missing: build the platform first with `mvn -B -DskipTests install` in " + home);
            }
        }
    }
}
