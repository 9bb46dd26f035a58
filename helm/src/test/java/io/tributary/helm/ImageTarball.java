package io.tributary.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An image tarball as Jib's buildTar writes it (docker-save layout: manifest.json, config, one
 * gzipped tar per layer), unpacked into a root file system the way a container runtime would.
 */
record ImageTarball(JsonNode config, Path rootfs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ImageTarball unpack(Path tarball, Path workDir) throws IOException, InterruptedException {
        Path image = Files.createDirectories(workDir.resolve("image"));
        untar(tarball, image, false);
        JsonNode manifest = JSON.readTree(image.resolve("manifest.json").toFile()).get(0);
        JsonNode config = JSON.readTree(image.resolve(manifest.path("Config").asText()).toFile()).path("config");
        Path rootfs = Files.createDirectories(workDir.resolve("rootfs"));
        // Lower layers first, as the runtime stacks them; `tar` keeps modes and owners (we are root).
        for (JsonNode layer : manifest.path("Layers")) {
            untar(image.resolve(layer.asText()), rootfs, true);
        }
        return new ImageTarball(config, rootfs);
    }

    List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        return entrypoint;
    }

    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        config.path("Env").forEach(e -> {
            String[] kv = e.asText().split("=", 2);
            env.put(kv[0], kv.length > 1 ? kv[1] : "");
        });
        return env;
    }

    String user() {
        return config.path("User").asText();
    }

    private static void untar(Path archive, Path into, boolean gzip) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", gzip ? "-xzpf" : "-xpf", archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes());
        if (tar.waitFor() != 0) {
            throw new IOException("tar could not unpack " + archive + ": " + out);
        }
    }
}
