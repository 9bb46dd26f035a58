package io.tributary.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.registry.client.WireFormat;
import io.tributary.registry.client.serde.AvroDeserializer;
import io.tributary.registry.client.serde.AvroSerializer;

/**
 * A third-party Confluent client, {@code @kafkajs/confluent-schema-registry} from the npm
 * registry (installed from {@code src/test/js/package-lock.json} into {@code target/}), against
 * the packaged registry: it registers, fetches, encodes and decodes; it decodes bytes our Java
 * serializer wrote, and our deserializer decodes its bytes.
 */
class ConformanceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema JAVA_ORDER = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"JavaOrder\","
            + "\"namespace\":\"conformance\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"customer\",\"type\":\"string\"},{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}");

    private static TestBroker broker;
    private static RegistryProcess registry;
    private static Path jsDir;

    @BeforeAll
    static void start() throws Exception {
        jsDir = installClient();
        broker = TestBroker.start();
        registry = RegistryProcess.start(broker, "conformance", Map.of());
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theNpmClientAndOurSerdesUnderstandEachOther() throws Exception {
        Map<String, Object> config = Map.of("schema.registry.url", registry.url());
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(config, false);
        GenericRecord javaOrder = new GenericData.Record(JAVA_ORDER);
        javaOrder.put("id", 42L);
        javaOrder.put("customer", "java");
        javaOrder.put("note", "from the JVM");
        byte[] javaBytes = serializer.serialize("conformance.java", javaOrder);

        JsonNode seen = runNode(Map.of("REGISTRY_URL", registry.url(), "NODE_SUBJECT", "conformance.node-value",
                "JAVA_BYTES", HexFormat.of().formatHex(javaBytes)));

        int id = seen.get("id").asInt();
        assertThat(seen.get("againId").asInt()).isEqualTo(id);
        assertThat(seen.get("latestId").asInt()).isEqualTo(id);
        assertThat(seen.get("bySchema").asInt()).isEqualTo(id);
        assertThat(seen.get("byVersion").asInt()).isEqualTo(id);
        assertThat(seen.get("fetchedName").asText()).isEqualTo("conformance.NodeOrder");
        assertThat(seen.get("decodedOwn").get("customer").asText()).isEqualTo("node");
        assertThat(seen.get("decodedJava").get("id").asLong()).isEqualTo(42);
        assertThat(seen.get("decodedJava").get("customer").asText()).isEqualTo("java");
        assertThat(seen.get("decodedJava").get("note").asText()).isEqualTo("from the JVM");
        assertThat(seen.get("incompatible").get("status").asInt()).isEqualTo(409);
        assertThat(seen.get("missing").get("status").asInt()).isEqualTo(404);
        // The npm client set the subject's compatibility through /config/{subject}.
        assertThat(registry.get("/config/conformance.node-value").body()).contains("BACKWARD");

        byte[] nodeBytes = HexFormat.of().parseHex(seen.get("encodedHex").asText());
        assertThat(WireFormat.schemaId(nodeBytes)).isEqualTo(id);
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(config, false);
        GenericRecord nodeOrder = (GenericRecord) deserializer.deserialize("conformance.node", nodeBytes);
        assertThat(nodeOrder.get("id")).isEqualTo(7L);
        assertThat(nodeOrder.get("customer").toString()).isEqualTo("node");
        assertThat(nodeOrder.get("amount")).isEqualTo(12.5);
        assertThat(nodeOrder.get("tags").toString()).isEqualTo("[a, b]");
    }

    /** Copies the npm project to target/ and installs it exactly as locked (skipped when already there). */
    private static Path installClient() throws IOException, InterruptedException {
        Path source = Path.of("src/test/js");
        Path target = Path.of("target/conformance-js");
        Files.createDirectories(target);
        boolean changed = false;
        for (String file : List.of("package.json", "package-lock.json", "conformance.js")) {
            Path to = target.resolve(file);
            changed |= !Files.exists(to) || Files.mismatch(source.resolve(file), to) != -1;
            Files.copy(source.resolve(file), to, StandardCopyOption.REPLACE_EXISTING);
        }
        if (changed || !Files.isDirectory(target.resolve("node_modules/@kafkajs/confluent-schema-registry"))) {
            run(target, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), 300);
        }
        return target;
    }

    private static JsonNode runNode(Map<String, String> env) throws IOException, InterruptedException {
        String out = run(jsDir, List.of("node", "conformance.js"), env, 120);
        String[] lines = out.trim().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }

    private static String run(Path dir, List<String> command, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command.get(0) + " (Node.js 20 and npm are needed for this test): " + e, e);
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + " in " + dir + " failed:\n" + text).isZero();
        return text;
    }
}
