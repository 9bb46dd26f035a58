package io.tributary.local;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The local platform's S3 API server process (S3Proxy over plain files). */
@Command(name = "s3", mixinStandardHelpOptions = true, description = "Runs an S3 API server over a local folder.")
public final class S3Main implements Callable<Integer> {
    @Option(names = "--data-dir", required = true, description = "Folder holding one sub-folder per bucket")
    Path dataDir;

    @Option(names = "--port", defaultValue = "9000")
    int port;

    @Option(names = "--access-key", required = true)
    String accessKey;

    @Option(names = "--secret-key", required = true)
    String secretKey;

    @Option(names = "--bucket", description = "Buckets to create if missing")
    java.util.List<String> buckets = java.util.List.of();

    @Override
    public Integer call() {
        return ComponentMain.runUntilStopped("S3 server", () -> {
            LocalS3Server server = LocalS3Server.start(dataDir, port, accessKey, secretKey);
            buckets.forEach(server::createBucket);
            return server;
        });
    }

    public static void main(String[] args) {
        int rc = new CommandLine(new S3Main()).execute(args);
        System.exit(rc);
    }
}
