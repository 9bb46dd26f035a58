package io.tributary.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.credentials.CredentialStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What the zones commands that write secrets out of the secrets file share (`registry-users`,
 * `password-secrets`): the zones, the one file to write, and the secrets file to read.
 */
public final class SecretsExportOptions {
    @Parameters(index = "0", paramLabel = "<dir>", description = "Folder of zone descriptors (*.yaml)")
    Path dir;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "<file>", description = "File to write")
    Path out;

    @Option(names = "--force", description = "Replace the file if it exists")
    boolean force;

    @Mixin
    SecretsOption secrets;

    /**
     * The zones, once the output is a file that may be written (not a folder; not replaced without
     * --force) and the secrets file exists (it is never created here); {@code exampleName} is what the
     * message suggests when a folder is given.
     */
    List<ZoneDescriptor> zones(String exampleName) {
        if (Files.isDirectory(out)) {
            throw new UserFacingException(out + " is a folder: give the file to write, e.g. " + out.resolve(exampleName));
        }
        if (Files.exists(out) && !force) {
            throw new UserFacingException(out + " exists: give --force to replace it");
        }
        if (!Files.exists(secrets.path())) {
            throw new UserFacingException("No secrets file " + secrets.path() + ": give --secrets <file> with every zone principal's password");
        }
        return DescriptorLoader.loadDirectory(dir);
    }

    CredentialStore secrets() {
        return secrets.open();
    }

    Path out() {
        return out;
    }
}
