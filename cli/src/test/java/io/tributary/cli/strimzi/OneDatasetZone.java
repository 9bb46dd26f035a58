package io.tributary.cli.strimzi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;

/** A zone of one dataset, written to a folder and loaded as `zones` commands load descriptors. */
final class OneDatasetZone {
    private OneDatasetZone() {
    }

    static List<ZoneDescriptor> write(Path dir, String zone) throws IOException {
        Files.writeString(dir.resolve("things.avsc"), "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
        Files.writeString(dir.resolve(zone + ".yaml"), """
                zone: %s
                owners: [a@example.com]
                steward: s@example.com
                datasets:
                  - name: things
                    schema: things.avsc
                    keyField: id
                """.formatted(zone));
        return DescriptorLoader.loadDirectory(dir);
    }
}
