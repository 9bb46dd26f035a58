package io.tributary.cli.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The components of a running local platform, kept in a JSON file so other commands find them. */
public record PlatformState(List<RunningComponent> components) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public PlatformState {
        components = List.copyOf(components);
    }

    public static PlatformState empty() {
        return new PlatformState(List.of());
    }

    public PlatformState with(RunningComponent component) {
        List<RunningComponent> list = new ArrayList<>(components);
        list.removeIf(c -> c.name().equals(component.name()));
        list.add(component);
        return new PlatformState(list);
    }

    public Optional<RunningComponent> component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public static Optional<PlatformState> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), PlatformState.class));
        } catch (IOException e) {
            throw new IllegalStateException("The platform state file " + file + " is unreadable (" + e.getMessage()
                    + "); stop leftover processes by hand and delete it", e);
        }
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the platform state file " + file + ": " + e.getMessage(), e);
        }
    }
}
