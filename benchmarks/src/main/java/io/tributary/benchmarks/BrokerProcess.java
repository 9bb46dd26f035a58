package io.tributary.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.tributary.local.BrokerMain;
import io.tributary.local.Ports;

/**
 * The local platform's broker in its own JVM, as {@code tributary up} runs it, so that its
 * garbage collections pause neither the benchmark's clients nor what they measure. Open
 * (PLAINTEXT), or secured (SASL/SCRAM-SHA-512 and ACLs) as {@code BrokerMain --credentials-file}.
 */
public final class BrokerProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private BrokerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** An open broker (PLAINTEXT, no ACLs) keeping its log under {@code dataDir}. */
    public static BrokerProcess start(Path dataDir) throws IOException, InterruptedException {
        return start(dataDir, List.of());
    }

    /**
     * A secured broker: {@code credentialsFile} is an owner-only properties file with the super
     * user's {@code user} and {@code password} (the password stays off the command line).
     */
    public static BrokerProcess startSecured(Path dataDir, Path credentialsFile) throws IOException, InterruptedException {
        return start(dataDir, List.of("--credentials-file", credentialsFile.toString()));
    }

    private static BrokerProcess start(Path dataDir, List<String> extraArgs) throws IOException, InterruptedException {
        int port = Ports.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), BrokerMain.class.getName(), "--data-dir", dataDir.resolve("kafka").toString(),
                "--port", Integer.toString(port)));
        command.addAll(extraArgs);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("broker.log").toFile()).start();
        BrokerProcess broker = new BrokerProcess(process, port);
        try {
            broker.awaitListening(dataDir.resolve("broker.log"));
        } catch (InterruptedException | RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    private void awaitListening(Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker stopped with exit code " + process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(200); // not listening yet
            }
        }
        throw new IllegalStateException("the broker did not listen on port " + port + " within 90 s; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
