package io.tributary.cli;

import java.nio.file.Path;

import io.tributary.cli.platform.Installation;
import io.tributary.cli.platform.PlatformLayout;
import io.tributary.security.credentials.CredentialStore;
import picocli.CommandLine.Option;

/** Where the zone principals' passwords are kept: an owner-only file, by default the local platform's. */
public final class SecretsOption {
    @Option(names = "--secrets", paramLabel = "<file>",
            description = "Secrets file of the zones' credentials (owner-only); default: the local platform's secrets.json")
    Path file;

    Path path() {
        if (file != null) {
            return file;
        }
        String env = System.getenv("TRIBUTARY_DATA");
        Path data = env != null ? Path.of(env) : Installation.current().home().resolve(".tributary");
        return new PlatformLayout(data).secretsFile();
    }

    CredentialStore open() {
        return CredentialStore.open(path());
    }
}
