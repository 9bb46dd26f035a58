package io.tributary.cli.platform;

/** The ports the local platform listens on; each can be changed on the command line. */
public record PlatformPorts(int kafka, int s3, int registry, int connect, int processors) {
    public static final PlatformPorts DEFAULTS = new PlatformPorts(9092, 9000, 8081, 8083, 8090);
}
