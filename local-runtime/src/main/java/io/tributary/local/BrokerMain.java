package io.tributary.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The local platform's Kafka broker process. */
@Command(name = "kafka-broker", mixinStandardHelpOptions = true, description = "Runs a single-node KRaft Kafka broker.")
public final class BrokerMain implements Callable<Integer> {
    @Option(names = "--data-dir", required = true, description = "Folder of the broker's log")
    Path dataDir;

    @Option(names = "--port", defaultValue = "9092", description = "Client listener port")
    int port;

    @Option(names = "--credentials-file", description = "Properties file with the super user's `user` and `password`: the broker then"
            + " authenticates with SASL/SCRAM-SHA-512 and authorises with ACLs; without it, it runs open")
    Path credentialsFile;

    @Override
    public Integer call() {
        if (credentialsFile == null) {
            return ComponentMain.runUntilStopped("Kafka broker", () -> LocalKafkaBroker.start(dataDir, port));
        }
        Properties credentials = new Properties();
        try (Reader in = Files.newBufferedReader(credentialsFile, StandardCharsets.UTF_8)) {
            credentials.load(in);
        } catch (IOException e) {
            throw new LocalRuntimeException("--credentials-file " + credentialsFile + ": cannot read it: " + e.getMessage(), e);
        }
        String user = credentials.getProperty("user");
        String password = credentials.getProperty("password");
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            throw new LocalRuntimeException("--credentials-file " + credentialsFile + ": needs the keys user and password");
        }
        return ComponentMain.runUntilStopped("Kafka broker (secured)", () -> LocalKafkaBroker.startSecured(dataDir, port, user, password));
    }

    public static void main(String[] args) {
        int rc = new CommandLine(new BrokerMain()).execute(args);
        System.exit(rc);
    }
}
