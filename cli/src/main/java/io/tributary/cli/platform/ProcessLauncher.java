package io.tributary.cli.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tributary.local.LocalRuntimeException;

/** Starts component processes with their output in a log file, and waits for them to be ready. */
public final class ProcessLauncher {

    /** Starts {@code spec} detached from this JVM, so it outlives the command that started it. */
    public Process start(ComponentSpec spec, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(spec.command())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            return builder.start();
        } catch (IOException e) {
            throw new LocalRuntimeException("Could not start " + spec.name() + " (" + String.join(" ", spec.command()) + "): "
                    + e.getMessage(), e);
        }
    }

    /** Waits until the component has started ({@link ComponentSpec#started}); fails early, with its last log lines, if it exits. */
    public void awaitHealthy(ComponentSpec spec, Process process, Path logFile, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new LocalRuntimeException(spec.name() + " exited with code " + process.exitValue()
                        + " before it was ready. Last lines of " + logFile + ":\n" + tail(logFile, 25));
            }
            if (spec.started().healthy()) {
                return;
            }
            sleep(200);
        }
        throw new LocalRuntimeException(spec.name() + " was not ready after " + timeout.toSeconds() + " s ("
                + spec.started().describe() + "). Last lines of " + logFile + ":\n" + tail(logFile, 25));
    }

    /** Asks a process to stop (SIGTERM, so it shuts down cleanly), then forces it after {@code grace}. */
    public boolean stop(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            process.destroyForcibly();
            return false;
        }
    }

    static String tail(Path logFile, int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalRuntimeException("Interrupted while waiting for a component");
        }
    }
}
