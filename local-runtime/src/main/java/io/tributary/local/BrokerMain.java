package io.tributary.local;

import java.nio.file.Path;
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

    @Override
    public Integer call() {
        return ComponentMain.runUntilStopped("Kafka broker", () -> LocalKafkaBroker.start(dataDir, port));
    }

    public static void main(String[] args) {
        int rc = new CommandLine(new BrokerMain()).execute(args);
        System.exit(rc);
    }
}
