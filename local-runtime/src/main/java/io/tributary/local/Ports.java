package io.tributary.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks: a port already taken must give a clear error at once, not a hang later. */
public final class Ports {
    private Ports() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LocalRuntimeException("No free TCP port on localhost: " + e.getMessage(), e);
        }
    }

    /**
     * The first of {@code count} consecutive free ports (for components numbered from a base port, like
     * zone processors), taken below the system's ephemeral range: a port of that range that is free
     * now may be given to any outgoing connection before a slow component binds it.
     */
    public static int freeRange(int count) {
        int ephemeralLow = ephemeralLow();
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 10_000 + random.nextInt(Math.max(1, ephemeralLow - 10_000 - count));
            boolean free = true;
            for (int i = 0; i < count && free; i++) {
                free = isFree(base + i);
            }
            if (free) {
                return base;
            }
        }
        throw new LocalRuntimeException("Found no " + count + " consecutive free ports on localhost between 10000 and " + ephemeralLow);
    }

    /** The low end of Linux's ephemeral port range (32768 where it cannot be read). */
    private static int ephemeralLow() {
        try {
            // Read by lines: Files.readString trusts the size procfs reports and returns a single character.
            String range = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            int low = Integer.parseInt(range.split("\\s+")[0]);
            return low > 11_000 ? low : 32_768;
        } catch (java.io.IOException | RuntimeException e) {
            return 32_768;
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns {@code port} if it is free, or fails naming the component and the port. */
    public static int requireFree(String component, int port) {
        if (port < 1 || port > 65535) {
            throw new LocalRuntimeException(component + ": port " + port + " is not a TCP port (1-65535)");
        }
        if (!isFree(port)) {
            throw new LocalRuntimeException(component + ": port " + port + " on localhost is already in use;"
                    + " stop what uses it or choose another port");
        }
        return port;
    }
}
