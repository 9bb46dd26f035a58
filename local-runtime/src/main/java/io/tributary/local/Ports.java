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

    /** The first of {@code count} consecutive free ports (for components numbered from a base port, like zone processors). */
    public static int freeRange(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = freePort();
            boolean free = true;
            for (int i = 1; i < count && free; i++) {
                free = base + i <= 65_535 && isFree(base + i);
            }
            if (free) {
                return base;
            }
        }
        throw new LocalRuntimeException("Found no " + count + " consecutive free ports on localhost");
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
