package io.tributary.cli;

import java.util.concurrent.Callable;

import io.tributary.cli.platform.LocalPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "down", mixinStandardHelpOptions = true, description = "Stops every component of the local platform; data stays in the data folder.")
final class DownCommand implements Callable<Integer> {
    @Mixin
    PlatformOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        int stopped = new LocalPlatform(options.config()).down(new ConsoleProgress(out));
        out.println(stopped == 0 ? "Nothing was running." : "Stopped " + stopped + " component(s).");
        return 0;
    }
}
