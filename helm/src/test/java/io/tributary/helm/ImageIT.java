package io.tributary.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.local.LocalKafkaBroker;

/**
 * The images `mvn -Pimages` built (tarballs, no container engine): their layout, and the registry
 * image run from its unpacked root file system under chroot as its non-root user, against a real
 * KRaft broker secured as the platform runs it (SASL/SCRAM, ACLs; the registry logs in as the platform
 * user with the chart's KAFKA_* environment), until its readiness check answers UP and it stores a schema.
 */
class ImageIT {
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final String PLATFORM_USER = "tributary-platform";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theRegistryImageRunsAsItsNonRootUserAndServesSchemas(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/chroot")) && "root".equals(System.getProperty("user.name")),
                "running an unpacked image needs chroot and root");
        ImageTarball image = ImageTarball.unpack(tarball("registry"), dir);
        assertThat(image.user()).isEqualTo("65532:65532");
        assertThat(image.entrypoint()).containsExactly("/opt/java/bin/java", "-jar", "/deployments/quarkus-run.jar");

        int kafkaPort = freePort();
        int httpPort = freePort();
        Path log = dir.resolve("registry.log");
        String password = randomPassword();
        try (LocalKafkaBroker broker = LocalKafkaBroker.startSecured(dir.resolve("kafka"), kafkaPort, PLATFORM_USER, password)) {
            assertRefusesAWrongPassword(broker);
            List<String> command = new ArrayList<>(List.of("/usr/sbin/chroot", "--userspec=" + image.user(), image.rootfs().toString()));
            command.addAll(image.entrypoint());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(image.environment());
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
            // As the chart passes them (KAFKA_SASL_JAAS_CONFIG from the KafkaUser's Secret): in the environment, never
            // on the command line.
            broker.clientProperties().forEach((key, value) -> builder.environment().put(environmentName(key), value));
            builder.environment().put("KAFKASTORE_TOPIC_REPLICATION_FACTOR", "1");
            Process registry = builder.start();
            try {
                String ready = awaitReady("http://localhost:" + httpPort + "/q/health/ready", registry, log);
                assertThat(ready).contains("\"status\": \"UP\"");
                assertThat(Files.readString(Path.of("/proc/" + registry.pid() + "/status")))
                        .as("the entrypoint runs as the image's user").containsPattern("Uid:\\s+65532\\s");

                HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/subjects/images.check-value/versions"))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"schema\": \"{\\\"type\\\": \\\"string\\\"}\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
                assertThat(registered.body()).contains("\"id\"");
                assertThat(Files.readString(log)).as("the registry's log").doesNotContain(password);
            } finally {
                registry.destroy();
                registry.waitFor();
            }
        }
    }

    @Test
    void theApplicationImagesCarryTheirFastJarOnTheBaseAndNoJibClassPathLayers(@TempDir Path dir) throws Exception {
        for (String name : List.of("registry", "processors", "ingest")) {
            ImageTarball image = ImageTarball.unpack(tarball(name), dir.resolve(name));
            assertThat(image.rootfs().resolve("deployments/quarkus-run.jar")).as(name).isRegularFile();
            assertThat(image.rootfs().resolve("opt/java/bin/java")).as(name).isExecutable();
            assertThat(image.rootfs().resolve("lib64/ld-linux-x86-64.so.2")).as(name).exists();
            assertThat(image.rootfs().resolve("app")).as(name + ": Jib's class-path layers are filtered out").doesNotExist();
            assertThat(image.user()).as(name).isEqualTo("65532:65532");
        }
    }

    @Test
    void theConnectImageCarriesThePluginFolderForStrimzi(@TempDir Path dir) throws Exception {
        ImageTarball image = ImageTarball.unpack(tarball("connect"), dir);
        Path plugin = image.rootfs().resolve("opt/kafka/plugins/tributary-connectors/lib");
        try (var jars = Files.list(plugin)) {
            assertThat(jars.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("tributary-connectors-"))
                    .noneMatch(n -> n.startsWith("kafka-clients") || n.startsWith("connect-api"));
        }
        assertThat(image.rootfs().resolve("app")).doesNotExist();
    }

    /** The broker the image runs against is really secured: a client with a wrong password is refused. */
    private static void assertRefusesAWrongPassword(LocalKafkaBroker broker) {
        Map<String, Object> wrong = new LinkedHashMap<>(broker.clientProperties());
        wrong.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + PLATFORM_USER + "\" password=\"wrong-password\";");
        try (Admin admin = Admin.create(wrong)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    /** {@code kafka.sasl.jaas.config}'s environment form, as the applications read it: {@code KAFKA_SASL_JAAS_CONFIG}. */
    private static String environmentName(String kafkaKey) {
        return "KAFKA_" + kafkaKey.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Path tarball(String image) {
        Path tar = Path.of(System.getProperty("tributary.image." + image, "missing"));
        assertThat(tar).as("image tarball of " + image + " (built by mvn -Pimages package)").isRegularFile();
        return tar;
    }

    private String awaitReady(String url, Process process, Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the registry's entrypoint exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException notListeningYet) {
                last = notListeningYet.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready within " + READY_WITHIN + " (last: " + last + "):\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
