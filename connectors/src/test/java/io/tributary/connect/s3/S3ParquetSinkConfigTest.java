package io.tributary.connect.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.tributary.connect.s3.archive.ArchiveFormat;
import io.tributary.connect.s3.catalog.NoopCatalog;
import io.tributary.connect.s3.parquet.ParquetCodec;
import io.tributary.connect.s3.parquet.ParquetFormat;
import io.tributary.connect.s3.partition.FieldEventTimeExtractor;
import io.tributary.connect.s3.partition.FieldValuePartitioner;
import io.tributary.connect.s3.partition.RecordTimestampExtractor;
import io.tributary.connect.s3.partition.TimePartitioner;
import io.tributary.connect.s3.schema.CompatibilityMode;
import io.tributary.connect.s3.writer.MemoryOverflow;

class S3ParquetSinkConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> p = new HashMap<>();
        p.put("s3.bucket", "lake");
        p.put("schema.registry.url", "http://localhost:8081");
        return p;
    }

    private static Map<String, String> with(String... keyValues) {
        Map<String, String> p = minimal();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    /** What the local platform (SinkConnectorConfigs in the cli module) sends; it must keep working. */
    private static Map<String, String> platformConfig() {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", S3ParquetSinkConnector.class.getName());
        c.put("tasks.max", "1");
        c.put("topics", "finance.staging.expenses");
        c.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        c.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        c.put("s3.bucket", "lake");
        c.put("s3.endpoint", "http://localhost:9000");
        c.put("s3.region", "us-east-1");
        c.put("aws.access.key.id", "tributary");
        c.put("aws.secret.access.key", "secret");
        c.put("schema.registry.url", "http://localhost:8081");
        c.put("flush.size", "1000");
        c.put("rotate.schedule.interval.ms", "60000");
        c.put("partition.field", "spent_at");
        c.put("timezone", "UTC");
        return c;
    }

    @Test
    void defaults() {
        S3ParquetSinkConfig c = new S3ParquetSinkConfig(minimal());
        assertThat(c.s3Settings().region()).isEqualTo("us-east-1");
        assertThat(c.s3Settings().endpoint()).isEmpty();
        assertThat(c.s3Settings().accessKey()).isEmpty();
        assertThat(c.s3Settings().maxAttempts()).isEqualTo(10);
        assertThat(c.s3Settings().conditionalWrites()).isTrue();
        assertThat(c.parquetSettings().codec()).isEqualTo(ParquetCodec.SNAPPY);
        assertThat(c.fileFormat()).isInstanceOf(ParquetFormat.class);
        assertThat(c.timezone().getId()).isEqualTo("UTC");
        assertThat(c.eventTimeExtractor()).isInstanceOf(RecordTimestampExtractor.class);
        assertThat(c.partitioner()).isInstanceOf(TimePartitioner.class);
        assertThat(c.writerSettings("w").evolution().mode()).isEqualTo(CompatibilityMode.NONE);
        assertThat(c.writerSettings("w").overflow()).isEqualTo(MemoryOverflow.SPILL);
        assertThat(c.bufferBudgetBytes()).as("budget minus one row group and two parts").isEqualTo((256L - 16 - 16) * 1024 * 1024);
        assertThat(c.catalog(Map.of())).isInstanceOf(NoopCatalog.class);
        assertThat(c.writerSettings("w").layout()).isEqualTo("time:daily:UTC/kafka timestamp");
    }

    @Test
    void thePlatformsConfigurationIsValid() {
        S3ParquetSinkConfig c = new S3ParquetSinkConfig(platformConfig());
        assertThat(c.eventTimeExtractor()).isInstanceOf(FieldEventTimeExtractor.class);
        assertThat(c.routingFields()).containsExactly("spent_at");
        assertThat(new S3ParquetSinkConnector().validate(platformConfig()).configValues())
                .allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
    }

    @Test
    void partitioningAndFormatOptionsAreRead() {
        S3ParquetSinkConfig field = new S3ParquetSinkConfig(with("partitioner", "field", "partition.value.fields", "region, country",
                "partition.field", "spent_at", "parquet.kafka.columns", "offset,timestamp", "schema.compatibility", "backward"));
        assertThat(field.partitioner()).isInstanceOf(FieldValuePartitioner.class);
        assertThat(field.routingFields()).containsExactly("spent_at", "region", "country");
        assertThat(field.kafkaColumns().isEmpty()).isFalse();
        assertThat(field.writerSettings("w").layout()).isEqualTo("field:region,country/field spent_at");
        S3ParquetSinkConfig archive = new S3ParquetSinkConfig(with("format", "archive", "header.converter",
                "org.apache.kafka.connect.converters.ByteArrayConverter", "schema.registry.url", ""));
        assertThat(archive.fileFormat()).isInstanceOf(ArchiveFormat.class);
        assertThat(archive.objectKeys().datasetPrefix(io.tributary.model.TopicName.parse("finance.landing.expenses")))
                .isEqualTo("_raw/landing/finance/expenses/");
        assertThat(new S3ParquetSinkConfig(with("partition.granularity", "hourly")).writerSettings("w").layout())
                .startsWith("time:hourly:UTC");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("s3.bucket", "Lake_Bucket", "lower-case"),
                Arguments.of("s3.endpoint", "localhost:9000", "http"),
                Arguments.of("s3.region", "", "s3.region"),
                Arguments.of("s3.part.size", "1048576", "at least 5242880"),
                Arguments.of("s3.retry.max.attempts", "0", "at least 1"),
                Arguments.of("s3.upload.concurrency", "0", "at least 1"),
                Arguments.of("s3.retry.backoff.ms", "-5", "at least 1"),
                Arguments.of("s3.retry.backoff.max.ms", "x", "s3.retry.backoff.max.ms"),
                Arguments.of("s3.conditional.writes", "maybe", "s3.conditional.writes"),
                Arguments.of("schema.registry.url", "ftp://registry", "http"),
                Arguments.of("format", "csv", "parquet, archive"),
                Arguments.of("archive.prefix", "/raw/", "slash"),
                Arguments.of("archive.codec", "lzma", "snappy"),
                Arguments.of("parquet.codec", "lzo", "zstd"),
                Arguments.of("parquet.row.group.size", "1024", "at least 65536"),
                Arguments.of("parquet.page.size", "100", "at least 8192"),
                Arguments.of("parquet.kafka.columns", "offset,leader", "'leader'"),
                Arguments.of("partitioner", "random", "time, field"),
                Arguments.of("partition.field", "spent-at", "field name"),
                Arguments.of("partition.granularity", "weekly", "daily, hourly"),
                Arguments.of("partition.value.fields", "region,9lives", "'9lives'"),
                Arguments.of("timezone", "Mars/Olympus", "time zone"),
                Arguments.of("flush.size", "0", "at least 1"),
                Arguments.of("rotate.size.bytes", "0", "-1"),
                Arguments.of("rotate.interval.ms", "0", "-1"),
                Arguments.of("rotate.schedule.interval.ms", "abc", "rotate.schedule.interval.ms"),
                Arguments.of("schema.compatibility", "TRANSITIVE", "NONE, BACKWARD, FORWARD, FULL"),
                Arguments.of("memory.budget.bytes", "1000", "at least 8388608"),
                Arguments.of("memory.overflow", "drop", "spill, commit"),
                Arguments.of("catalog.class", "com.example.Missing", "not found"),
                Arguments.of("catalog.class", "java.lang.String", "does not implement"),
                Arguments.of("schema.registry.basic.auth.user.info", "no-colon-here", "must be user:password"),
                Arguments.of("schema.registry.basic.auth.user.info", ":password-without-user", "must be user:password"),
                Arguments.of("spool.dir", aFile() + "/spool", "is not a folder"),
                Arguments.of("spool.dir", aFile().toString(), "is not a folder"));
    }

    /** A plain file, where a spool folder (or one of its parents) cannot be. */
    private static Path aFile() {
        try {
            Path file = Files.createTempFile("not-a-folder", ".txt");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badValues")
    void everyBadValueNamesThePropertyAndTheReason(String property, String value, String reason) {
        assertThatThrownBy(() -> new S3ParquetSinkConfig(with(property, value)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(property).hasMessageContaining(reason);
        ConfigValue reported = new S3ParquetSinkConnector().validate(with(property, value)).configValues().stream()
                .filter(v -> v.name().equals(property)).findFirst().orElseThrow();
        assertThat(reported.errorMessages()).as("validate() reports it against " + property).isNotEmpty();
    }

    @Test
    void registryCredentialsAreCheckedWithoutShowingThem() {
        assertThat(new S3ParquetSinkConfig(with("schema.registry.basic.auth.user.info", "ann:s3cr:et")).schemaRegistryUserInfo())
                .isEqualTo("ann:s3cr:et");
        assertThat(new S3ParquetSinkConfig(with("schema.registry.basic.auth.user.info", "ann:")).schemaRegistryUserInfo())
                .as("an empty password is the registry's business").isEqualTo("ann:");
        assertThatThrownBy(() -> new S3ParquetSinkConfig(with("schema.registry.basic.auth.user.info", "annsecret")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.basic.auth.user.info")
                .hasMessageNotContaining("annsecret");
    }

    @Test
    void aSpoolFolderThatDoesNotExistYetIsFineWhenItCanBeCreated(@TempDir Path dir) {
        Path spool = dir.resolve("not/yet/there");
        S3ParquetSinkConfig config = new S3ParquetSinkConfig(with("spool.dir", spool.toString()));
        assertThat(config.spoolDirectory("lake", "0")).isEqualTo(spool.resolve("lake-0"));
        assertThat(spool).as("validation creates nothing").doesNotExist();
        assertThat(new S3ParquetSinkConfig(with("spool.dir", dir.toString())).spoolDirectory("lake", "0")).isEqualTo(dir.resolve("lake-0"));
    }

    @Test
    void aMissingBucketIsNamed() {
        assertThatThrownBy(() -> new S3ParquetSinkConfig(Map.of("schema.registry.url", "http://r")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("s3.bucket");
    }

    static Stream<Arguments> badCombinations() {
        String bytes = "org.apache.kafka.connect.converters.ByteArrayConverter";
        return Stream.of(
                Arguments.of(new String[] {"aws.access.key.id", "AKIA"}, "aws.secret.access.key", "must be set together"),
                Arguments.of(new String[] {"aws.secret.access.key", "s"}, "aws.access.key.id", "must be set together"),
                Arguments.of(new String[] {"schema.registry.url", ""}, "schema.registry.url", "needs the schema registry"),
                Arguments.of(new String[] {"partitioner", "field"}, "partition.value.fields", "needs the fields"),
                Arguments.of(new String[] {"partition.value.fields", "region"}, "partition.value.fields", "only with partitioner=field"),
                Arguments.of(new String[] {"format", "archive"}, "header.converter", bytes),
                Arguments.of(new String[] {"format", "archive", "header.converter", bytes, "partition.field", "at"}, "partition.field",
                        "Kafka timestamp"),
                Arguments.of(new String[] {"format", "archive", "header.converter", bytes, "value.converter",
                        "org.apache.kafka.connect.json.JsonConverter"}, "value.converter", "bytes as consumed"),
                Arguments.of(new String[] {"memory.budget.bytes", String.valueOf(20 * 1024 * 1024)}, "memory.budget.bytes",
                        "one row group and up to two parts"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badCombinations")
    void combinationsThatCannotWorkNameTheProperty(String[] settings, String property, String reason) {
        Map<String, String> props = with(settings);
        assertThatThrownBy(() -> new S3ParquetSinkConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(property).hasMessageContaining(reason);
        List<String> errors = new S3ParquetSinkConnector().validate(props).configValues().stream()
                .filter(v -> v.name().equals(property)).flatMap(v -> v.errorMessages().stream()).toList();
        assertThat(errors).anySatisfy(e -> assertThat(e).contains(reason));
    }

    @Test
    void aStructConverterNeedsNoRegistry() {
        assertThat(new S3ParquetSinkConfig(with("schema.registry.url", "", "value.converter",
                "org.apache.kafka.connect.json.JsonConverter")).schemaRegistryUrl()).isEmpty();
    }

    @Test
    void connectorRefusesTopicsThatAreNotZoneTopicsAndNumbersItsTasks() {
        Map<String, String> p = with("topics", "finance.staging.expenses,orders");
        assertThatThrownBy(() -> new S3ParquetSinkConnector().start(p))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'orders'").hasMessageContaining("topics");
        assertThat(new S3ParquetSinkConnector().validate(p).configValues().stream().filter(v -> v.name().equals("topics"))
                .flatMap(v -> v.errorMessages().stream())).anySatisfy(e -> assertThat(e).contains("'orders'"));
        Map<String, String> good = with("topics", "finance.staging.expenses");
        S3ParquetSinkConnector connector = new S3ParquetSinkConnector();
        connector.start(good);
        assertThat(connector.taskConfigs(2)).hasSize(2).extracting(c -> c.get("task.id")).containsExactly("0", "1");
        assertThat(connector.taskConfigs(2)).allSatisfy(c -> assertThat(c).containsAllEntriesOf(good));
    }

    @Test
    void deadLetterQueueNeedsToleranceAndATopic() {
        Map<String, String> p = new HashMap<>();
        assertThat(S3ParquetSinkConfig.deadLetterQueueEnabled(p)).isFalse();
        p.put("errors.tolerance", "all");
        assertThat(S3ParquetSinkConfig.deadLetterQueueEnabled(p)).as("tolerance without a queue drops records").isFalse();
        p.put("errors.deadletterqueue.topic.name", "dlq");
        assertThat(S3ParquetSinkConfig.deadLetterQueueEnabled(p)).isTrue();
        p.put("errors.tolerance", "none");
        assertThat(S3ParquetSinkConfig.deadLetterQueueEnabled(p)).isFalse();
    }
}
