package io.tributary.connect.s3.support;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.tributary.local.LocalConnectWorker;

/**
 * A Kafka Connect worker as its own process, for tests that kill it: reads the worker's
 * properties from the file given as the only argument ({@code bootstrap.servers},
 * {@code rest.port}, the Kafka login and any worker override such as {@code plugin.path}) and runs until stopped.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            p.load(in);
        }
        Map<String, String> overrides = new HashMap<>();
        p.stringPropertyNames().forEach(k -> overrides.put(k, p.getProperty(k)));
        String bootstrap = overrides.remove("bootstrap.servers");
        int port = Integer.parseInt(overrides.remove("rest.port"));
        LocalConnectWorker worker = LocalConnectWorker.start(bootstrap, port, overrides);
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close, "worker-stop"));
        Thread.currentThread().join();
    }
}
