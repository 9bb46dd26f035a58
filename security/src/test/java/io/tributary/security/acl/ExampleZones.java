package io.tributary.security.acl;

import java.util.Comparator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tributary.model.DescriptorLoader;
import io.tributary.model.PlatformTopics;
import io.tributary.model.ZoneDescriptor;

/** The example zones with publishing (finance uses hr.departments), and every topic they and the platform have. */
public final class ExampleZones {
    public static final Path DIR = Path.of("..", "examples", "zones").toAbsolutePath().normalize();

    private ExampleZones() {
    }

    public static List<ZoneDescriptor> load() {
        return DescriptorLoader.loadDirectory(DIR).stream()
                .sorted(Comparator.comparing(ZoneDescriptor::zone))
                .toList();
    }

    public static List<String> allTopics(List<ZoneDescriptor> zones) {
        List<String> topics = new ArrayList<>();
        zones.forEach(z -> ZoneTopicList.of(z).forEach(t -> topics.add(t.name())));
        zones.forEach(z -> PlatformTopics.of(z.zone()).forEach(t -> topics.add(t.name())));
        return topics;
    }
}
