package io.tributary.cli.platform;

import java.util.List;

/**
 * One component of the local platform: the command that runs it as its own process, the address
 * it serves, and how to tell it is ready.
 */
public record ComponentSpec(String name, String address, List<String> command, HealthCheck health) {
    public ComponentSpec {
        command = List.copyOf(command);
    }
}
