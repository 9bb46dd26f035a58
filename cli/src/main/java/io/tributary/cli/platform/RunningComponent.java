package io.tributary.cli.platform;

import java.util.Optional;

/** A component the platform started, as the state file records it. */
public record RunningComponent(String name, long pid, String address, String logFile, String healthUrl, int healthPort) {

    public Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    HealthCheck health() {
        return healthUrl != null && !healthUrl.isEmpty() ? HealthCheck.http(healthUrl) : HealthCheck.tcp(healthPort);
    }

    static RunningComponent of(ComponentSpec spec, long pid, String logFile) {
        String url = spec.health() instanceof HealthCheck.HttpCheck http ? http.url() : "";
        int port = spec.health() instanceof HealthCheck.TcpCheck tcp ? tcp.port() : 0;
        return new RunningComponent(spec.name(), pid, spec.address(), logFile, url, port);
    }
}
