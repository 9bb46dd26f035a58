package io.tributary.processors.ods.spi;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.tributary.model.Names;

/**
 * The record transformers of one zone: those on the application's class path, and those in the
 * jars of the zone's own plug-in folder (loaded in a class loader of their own, so that zones do
 * not see each other's code).
 */
public final class RecordTransformers {
    private final Map<String, RecordTransformer> byName;

    private RecordTransformers(Map<String, RecordTransformer> byName) {
        this.byName = byName;
    }

    public static RecordTransformers none() {
        return new RecordTransformers(Map.of());
    }

    /** @param pluginsDir the folder of per-zone plug-in folders, or null for the class path only */
    public static RecordTransformers forZone(String zone, Path pluginsDir) {
        ClassLoader parent = RecordTransformers.class.getClassLoader();
        ClassLoader loader = parent;
        Path zoneDir = pluginsDir == null ? null : pluginsDir.resolve(zone);
        if (zoneDir != null && Files.isDirectory(zoneDir)) {
            loader = new URLClassLoader("tributary-" + zone + "-plugins", jars(zoneDir), parent);
        }
        Map<String, RecordTransformer> byName = new TreeMap<>();
        for (RecordTransformer transformer : ServiceLoader.load(RecordTransformer.class, loader)) {
            String name = transformer.name();
            if (!Names.isValid(name)) {
                throw new IllegalStateException("Zone " + zone + ": record transformer " + transformer.getClass().getName() + " is named '"
                        + name + "', which does not match " + Names.RULE);
            }
            RecordTransformer other = byName.putIfAbsent(name, transformer);
            if (other != null) {
                throw new IllegalStateException("Zone " + zone + ": two record transformers are named " + name + ": "
                        + other.getClass().getName() + " and " + transformer.getClass().getName());
            }
        }
        return new RecordTransformers(byName);
    }

    private static URL[] jars(Path dir) {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Cannot load plug-ins from " + dir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list plug-ins in " + dir + ": " + e.getMessage(), e);
        }
        return urls.toArray(URL[]::new);
    }

    /** The transformer named {@code name}; {@link IllegalStateException} naming the ones there are if none is. */
    public RecordTransformer get(String name, String where) {
        RecordTransformer transformer = byName.get(name);
        if (transformer == null) {
            throw new IllegalStateException(where + ": no record transformer is named " + name + " (found: "
                    + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())) + ")");
        }
        return transformer;
    }

    public java.util.Set<String> names() {
        return byName.keySet();
    }
}
