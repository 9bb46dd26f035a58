package io.tributary.cli;

import java.util.List;
import java.util.concurrent.Callable;

import io.tributary.cli.platform.PlatformConfig;
import io.tributary.cli.security.AccessReport;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;
import io.tributary.security.cloud.CloudSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "access", mixinStandardHelpOptions = true,
        description = "Prints who may do what with a zone's data: topics, registry subjects, S3 prefixes and tables, from the descriptors.")
final class AccessCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<zone>")
    String zone;

    @Mixin
    PlatformOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PlatformConfig config = options.config();
        List<ZoneDescriptor> zones = DescriptorLoader.loadDirectory(config.zonesDir());
        try {
            spec.commandLine().getOut().println(AccessReport.render(zone, zones, CloudSettings.defaults()));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage() + " in " + config.zonesDir());
        }
        return 0;
    }
}
