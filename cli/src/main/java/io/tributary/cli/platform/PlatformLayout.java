package io.tributary.cli.platform;

import java.nio.file.Path;

/**
 * Where the local platform keeps things under its data folder: one folder per component's data,
 * one folder with every component's log, the state file that `status` and `down` read.
 */
public record PlatformLayout(Path dataDir) {

    public Path logs() {
        return dataDir.resolve("logs");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path kafkaData() {
        return dataDir.resolve("kafka");
    }

    /** S3Proxy's filesystem backend: each object is the file {@code <s3Data>/<bucket>/<key>}. */
    public Path s3Data() {
        return dataDir.resolve("s3");
    }

    public Path clientProperties() {
        return dataDir.resolve("client.properties");
    }

    /** Owner-only folder of the platform's credentials and the components' security settings. */
    public Path secrets() {
        return dataDir.resolve("secrets");
    }

    /** The zones' and the platform's passwords (see {@code CredentialStore}). */
    public Path secretsFile() {
        return secrets().resolve("secrets.json");
    }

    public Path stateFile() {
        return dataDir.resolve("platform.json");
    }
}
