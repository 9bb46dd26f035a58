package io.tributary.cli;

import java.util.concurrent.Callable;

import io.tributary.cli.platform.LocalPlatform;
import io.tributary.cli.platform.PlatformConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Starts the local platform (broker, S3, registry, Connect, zone validators) and applies the zones.")
final class UpCommand implements Callable<Integer> {
    @Mixin
    PlatformOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PlatformConfig config = options.config();
        var out = spec.commandLine().getOut();
        out.println("Starting Tributary in " + config.layout().dataDir() + " with zones from " + config.zonesDir());
        new LocalPlatform(config).up(new ConsoleProgress(out));
        StatusCommand.print(new LocalPlatform(config).status(), out);
        return 0;
    }
}
