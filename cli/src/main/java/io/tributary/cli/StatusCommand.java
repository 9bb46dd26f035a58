package io.tributary.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import io.tributary.cli.platform.ComponentStatus;
import io.tributary.cli.platform.LocalPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Lists the local platform's components, their state and address.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    PlatformOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ComponentStatus> status = new LocalPlatform(options.config()).status();
        PrintWriter out = spec.commandLine().getOut();
        if (status.isEmpty()) {
            out.println("The local platform is not running (no state in " + options.config().layout().dataDir() + "). Start it with `tributary up`.");
            return 3;
        }
        print(status, out);
        return status.stream().allMatch(s -> s.state() == ComponentStatus.State.UP) ? 0 : 3;
    }

    static void print(List<ComponentStatus> status, PrintWriter out) {
        int width = status.stream().mapToInt(s -> s.name().length()).max().orElse(10);
        out.printf("%-" + width + "s  %-9s  %-7s  %s%n", "COMPONENT", "STATE", "PID", "ADDRESS");
        for (ComponentStatus s : status) {
            out.printf("%-" + width + "s  %-9s  %-7d  %s%n", s.name(), s.state(), s.pid(), s.address());
        }
        if (!status.isEmpty()) {
            out.println("Logs: " + java.nio.file.Path.of(status.get(0).logFile()).getParent());
        }
        out.flush();
    }
}
