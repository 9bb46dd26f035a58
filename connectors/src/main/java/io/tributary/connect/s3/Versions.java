package io.tributary.connect.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The plugin's version, from the properties file Maven fills in at build time. */
public final class Versions {
    private static final String VERSION = load();

    private Versions() {
    }

    public static String connector() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Versions.class.getResourceAsStream("/tributary-connectors.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
