package io.tributary.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;

import io.tributary.local.tls.BrokerTls;
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
            + " authenticates with SASL/SCRAM-SHA-512 and authorises with ACLs; without it, it runs open. With `tls.keystore.location`,"
            + " `tls.keystore.password` (PKCS#12) and `tls.ca.location` (PEM) too, its listener is SASL_SSL")
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
        BrokerTls tls = tls(credentials);
        return ComponentMain.runUntilStopped(tls == null ? "Kafka broker (secured)" : "Kafka broker (secured, TLS)",
                () -> LocalKafkaBroker.startSecured(dataDir, port, user, password, tls));
    }

    /** The TLS material named in the credentials file, or null when it names none. */
    private BrokerTls tls(Properties credentials) {
        String keyStore = credentials.getProperty("tls.keystore.location");
        String keyStorePassword = credentials.getProperty("tls.keystore.password");
        String ca = credentials.getProperty("tls.ca.location");
        if (keyStore == null && keyStorePassword == null && ca == null) {
            return null;
        }
        if (keyStore == null || keyStorePassword == null || ca == null) {
            throw new LocalRuntimeException("--credentials-file " + credentialsFile
                    + ": TLS needs all three of tls.keystore.location, tls.keystore.password and tls.ca.location");
        }
        for (String file : new String[] {keyStore, ca}) {
            if (!Files.isReadable(Path.of(file))) {
                throw new LocalRuntimeException("--credentials-file " + credentialsFile + ": cannot read " + file);
            }
        }
        return new BrokerTls(Path.of(keyStore), keyStorePassword, Path.of(ca));
    }

    public static void main(String[] args) {
        int rc = new CommandLine(new BrokerMain()).execute(args);
        System.exit(rc);
    }
}
