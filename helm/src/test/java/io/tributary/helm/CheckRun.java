package io.tributary.helm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of a command (node with a check script, or helm): its exit code and combined output. */
record CheckRun(List<String> command, int exitCode, String output) {

    private static final long TIMEOUT_SECONDS = 120;

    static CheckRun node(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("node", Dirs.checks().resolve(script).toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    static CheckRun helm(String... args) {
        List<String> command = new ArrayList<>(List.of(Dirs.helmBinary().toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    static CheckRun run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(Dirs.checks().toFile()).redirectErrorStream(true).start();
            // Read before waiting: a full pipe would block the child.
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new CheckRun(command, process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the test report shows when a check fails. */
    String describe() {
        return String.join(" ", command) + " exited " + exitCode + ":\n" + output;
    }

    long lines(String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).count();
    }

}
