package io.tributary.cli.platform;

import java.util.List;

/**
 * One component of the local platform: the command that runs it as its own process, the address
 * it serves, how to tell it is ready ({@code health}, what `status` shows) and how `up` tells it has
 * started far enough to go on ({@code started}; the same check for most components).
 */
public record ComponentSpec(String name, String address, List<String> command, HealthCheck health, HealthCheck started) {
    public ComponentSpec {
        command = List.copyOf(command);
    }

    public ComponentSpec(String name, String address, List<String> command, HealthCheck health) {
        this(name, address, command, health, health);
    }
}
