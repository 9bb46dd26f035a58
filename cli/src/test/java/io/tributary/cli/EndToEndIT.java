package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.catalog.QueryResult;
import io.tributary.catalog.ResultComparison;
import io.tributary.catalog.SavedQueries;
import io.tributary.catalog.trino.TrinoConnections;
import io.tributary.catalog.trino.TrinoServerConfig;
import io.tributary.cli.demo.CommittedKeys;
import io.tributary.cli.demo.ExpenseGenerator;
import io.tributary.cli.demo.ExpenseGenerator.Defect;
import io.tributary.cli.demo.ExpenseGenerator.GeneratedRecord;
import io.tributary.cli.demo.LandingProducer;
import io.tributary.cli.demo.ReferenceData;
import io.tributary.cli.demo.RejectedReader;
import io.tributary.cli.demo.RejectedRecord;
import io.tributary.cli.platform.ComponentCommands;
import io.tributary.cli.platform.ComponentSpec;
import io.tributary.cli.platform.ComponentStatus;
import io.tributary.cli.platform.Installation;
import io.tributary.cli.platform.LocalPlatform;
import io.tributary.cli.platform.PlatformConfig;
import io.tributary.cli.platform.PlatformPorts;
import io.tributary.cli.platform.ProcessLauncher;
import io.tributary.cli.platform.Progress;
import io.tributary.local.LocalRuntimeException;
import io.tributary.local.Ports;
import io.tributary.model.ClientSettings;
import io.tributary.security.credentials.CredentialStore;

/**
 * The walking skeleton end to end, on the real parts as `tributary up` runs them, each its own
 * process: KRaft broker, S3Proxy, the registry over HTTP, a Connect worker with the S3 Parquet
 * sink, and the finance zone's validator. N valid and M invalid expense claims go in; exactly N
 * rows with the values sent come back from Parquet through SQL, and M records are in the
 * rejected topic, each with its reason. The example spreadsheet, uploaded with `tributary ingest file`,
 * goes through the ingress source as one batch and is listed PROMOTED by `tributary batches`.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {
    private static final int VALID = 300;
    private static final int INVALID = 2 * Defect.values().length;
    private static final String BATCH_DATASET = "finance.expense_reports";
    /** Rows of examples/zones/finance/expense-reports.xlsx. */
    private static final int SPREADSHEET_ROWS = 24;

    @TempDir
    static Path dataDir;

    private PlatformConfig config;
    private LocalPlatform platform;
    private ClientSettings kafka;
    private List<GeneratedRecord> sent;

    @BeforeAll
    void up() {
        Installation installation = Installation.current();
        // Zone processors take consecutive ports from the processors port, one per zone.
        PlatformPorts ports = new PlatformPorts(Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freeRange(4));
        config = PlatformConfig.defaults(installation, dataDir, installation.home().resolve("examples/zones"), ports)
                .withIngestPort(Ports.freeRange(1));
        platform = new LocalPlatform(config);
        platform.up(Progress.SILENT);
        kafka = ClientSettings.load(config.layout().clientProperties());
        // Uploaded first, so that the ingress source and the validator work on it during the waits below.
        assertThat(cli(new StringWriter(), "ingest", "file", installation.home().resolve("examples/zones/finance/expense-reports.xlsx").toString(),
                BATCH_DATASET, "--data-dir", dataDir.toString(), "--s3-port", String.valueOf(ports.s3()))).isZero();
        LandingProducer producer = new LandingProducer(kafka);
        producer.send(ReferenceData.FX_RATES, ReferenceData.fxRates());
        producer.send(ReferenceData.DEPARTMENTS, ReferenceData.departments());
        CommittedKeys staged = new CommittedKeys(kafka);
        assertThat(staged.await("finance.staging.fx_rates", Set.of("EUR", "USD", "GBP"), Duration.ofSeconds(60))).isTrue();
        assertThat(staged.await("hr.staging.departments", ReferenceData.departments().stream().map(GeneratedRecord::key)
                .collect(Collectors.toSet()), Duration.ofSeconds(60))).isTrue();
        sent = new ExpenseGenerator(42, Instant.now()).generate(VALID + INVALID, INVALID);
        producer.send("finance.landing.expenses", sent);
    }

    @AfterAll
    void down() {
        if (platform != null) {
            platform.down(Progress.SILENT);
        }
    }

    @Test
    @Order(1)
    void everyComponentIsUpWithItsAddress() {
        List<ComponentStatus> status = platform.status();
        assertThat(status).extracting(ComponentStatus::name)
                .containsExactly("kafka-broker", "s3", "schema-registry", "connect", "finance-validator", "hr-validator", "ingest");
        assertThat(status).allSatisfy(s -> assertThat(s.state()).isEqualTo(ComponentStatus.State.UP));
        assertThat(status.get(0).address()).isEqualTo("localhost:" + config.ports().kafka() + " (SASL_PLAINTEXT, SCRAM-SHA-512, ACLs)");
        assertThat(status.get(2).address()).isEqualTo("http://localhost:" + config.ports().registry());
        assertThat(status).allSatisfy(s -> assertThat(Path.of(s.logFile())).startsWith(config.layout().logs()).exists());
    }

    @Test
    @Order(2)
    void validRecordsComeBackFromParquetThroughSqlWithTheValuesSent() {
        LakeQuery lake = new LakeQuery(config.layout().s3Data().resolve(config.lakeBucket()));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> lake.countOrZero("finance_staging.expenses") >= VALID);
        // Give a duplicate the time to show up, should the sink write one.
        sleep(6000);
        QueryResult result = lake.query("""
                SELECT expense_id, employee_id, department, CAST(amount AS VARCHAR) AS amount, currency,
                       category, epoch_ms(submitted_at) AS submitted_ms, description, dt
                FROM finance_staging.expenses""");
        assertThat(result.rowCount()).isEqualTo(VALID);

        Map<String, GeneratedRecord> valid = sent.stream().filter(GeneratedRecord::valid)
                .collect(Collectors.toMap(GeneratedRecord::key, Function.identity()));
        Map<String, Integer> seen = new HashMap<>();
        for (int row = 0; row < result.rowCount(); row++) {
            String id = (String) result.value(row, "expense_id");
            seen.merge(id, 1, Integer::sum);
            Map<String, Object> fields = valid.get(id).fields();
            assertThat(result.value(row, "employee_id")).isEqualTo(fields.get("employee_id"));
            assertThat(result.value(row, "department")).isEqualTo(fields.get("department"));
            assertThat(new BigDecimal((String) result.value(row, "amount"))).isEqualByComparingTo((BigDecimal) fields.get("amount"));
            assertThat(result.value(row, "currency")).isEqualTo(fields.get("currency"));
            assertThat(String.valueOf(result.value(row, "category"))).isEqualTo(fields.get("category"));
            Instant submitted = Instant.parse((String) fields.get("submitted_at"));
            assertThat(((Number) result.value(row, "submitted_ms")).longValue()).isEqualTo(submitted.toEpochMilli());
            assertThat(result.value(row, "description")).isEqualTo(fields.get("description"));
            assertThat(result.value(row, "dt")).isEqualTo(submitted.toString().substring(0, 10));
        }
        assertThat(seen).hasSize(VALID).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
    }

    @Test
    @Order(3)
    void invalidRecordsAreInTheRejectedTopicUnchangedWithTheirReasons() {
        Map<String, GeneratedRecord> invalid = sent.stream().filter(r -> !r.valid())
                .collect(Collectors.toMap(GeneratedRecord::key, Function.identity()));
        List<RejectedRecord> rejected = await().atMost(Duration.ofSeconds(60))
                .until(() -> new RejectedReader(kafka).readAll("finance.rejected.expenses", Duration.ofSeconds(10)),
                        list -> list.size() >= INVALID);
        assertThat(rejected).hasSize(INVALID);
        for (RejectedRecord r : rejected) {
            GeneratedRecord original = invalid.get(r.key());
            assertThat(original).as("rejected key %s was sent as invalid", r.key()).isNotNull();
            assertThat(r.value()).isEqualTo(original.value());
            assertThat(r.sourceTopic()).isEqualTo("finance.landing.expenses");
            assertThat(r.sourceOffset()).isNotNegative();
            assertThat(r.message()).isNotBlank();
            switch (original.defect()) {
                case NOT_JSON -> assertThat(r.reason()).isEqualTo("NOT_JSON");
                case MISSING_AMOUNT -> assertThat(List.of(r.reason(), r.field())).containsExactly("MISSING_FIELD", "amount");
                case AMOUNT_NOT_A_NUMBER -> assertThat(List.of(r.reason(), r.field())).containsExactly("BAD_VALUE", "amount");
                case UNKNOWN_CATEGORY -> assertThat(List.of(r.reason(), r.field())).containsExactly("BAD_VALUE", "category");
                case BAD_TIMESTAMP -> assertThat(List.of(r.reason(), r.field())).containsExactly("BAD_VALUE", "submitted_at");
                default -> throw new AssertionError(original.defect());
            }
        }

        // The rejected sink lands them as rows of the rejected table, original bytes as text, and the saved query counts them.
        LakeQuery lake = LakeQuery.of(config, PlatformConfig.QueryEngine.DUCKDB);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> lake.countOrZero("finance_rejected.expenses") >= INVALID);
        QueryResult landed = lake.query("SELECT record_key, record_value, reason, source_topic FROM finance_rejected.expenses");
        assertThat(landed.rowCount()).isEqualTo(INVALID);
        for (int row = 0; row < landed.rowCount(); row++) {
            GeneratedRecord original = invalid.get((String) landed.value(row, "record_key"));
            assertThat(original).as("landed reject %s was sent as invalid", landed.value(row, "record_key")).isNotNull();
            assertThat(landed.value(row, "record_value")).isEqualTo(new String(original.value(), StandardCharsets.UTF_8));
            assertThat(landed.value(row, "source_topic")).isEqualTo("finance.landing.expenses");
        }
        QueryResult trends;
        try {
            trends = lake.query(Files.readString(Installation.current().home().resolve("examples/queries/finance/rejected_trends.sql")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Long> byReason = new HashMap<>();
        for (int row = 0; row < trends.rowCount(); row++) {
            byReason.merge((String) trends.value(row, "reason"), ((Number) trends.value(row, "rejected")).longValue(), Long::sum);
        }
        assertThat(byReason).containsExactlyInAnyOrderEntriesOf(Map.of("NOT_JSON", 2L, "MISSING_FIELD", 2L, "BAD_VALUE", 6L));
    }

    @Test
    @Order(4)
    void validClaimsBecomeCanonicalExpensesInEurosAndFactsWithTheirDepartments() {
        LakeQuery lake = LakeQuery.of(config, PlatformConfig.QueryEngine.DUCKDB);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> lake.countOrZero("finance_ods.expense") >= VALID && lake.countOrZero("finance_analytical.expense_facts") >= VALID);
        Map<String, GeneratedRecord> valid = sent.stream().filter(GeneratedRecord::valid)
                .collect(Collectors.toMap(GeneratedRecord::key, Function.identity()));

        QueryResult current = lake.query("SELECT expense_id, department_code, amount_eur, currency, source_system FROM finance_ods.expense_current");
        assertThat(current.rowCount()).isEqualTo(VALID);
        for (int row = 0; row < current.rowCount(); row++) {
            Map<String, Object> fields = valid.get((String) current.value(row, "expense_id")).fields();
            BigDecimal euros = ((BigDecimal) fields.get("amount")).multiply(ReferenceData.rateToEur((String) fields.get("currency")));
            assertThat(((Number) current.value(row, "amount_eur")).doubleValue()).isCloseTo(euros.doubleValue(), within(1e-6));
            assertThat(current.value(row, "department_code")).isEqualTo(fields.get("department"));
            assertThat(current.value(row, "source_system")).isEqualTo("expenses_app");
        }

        QueryResult facts = lake.query("SELECT expense_id, department_name, cost_center FROM finance_analytical.expense_facts");
        Map<String, String> names = new HashMap<>();
        for (int row = 0; row < facts.rowCount(); row++) {
            names.put((String) facts.value(row, "expense_id"), (String) facts.value(row, "department_name"));
        }
        assertThat(names).hasSize(VALID);
        names.forEach((id, name) -> assertThat(name).isEqualTo(ReferenceData.departmentName((String) valid.get(id).fields().get("department"))));
    }

    @Test
    @Order(5)
    void theExampleSpreadsheetIsOneBatchPromotedWithItsRowCount() {
        StringWriter out = new StringWriter();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            out.getBuffer().setLength(0);
            return cli(out, "batches", BATCH_DATASET, "--client-config", config.layout().clientProperties().toString()) == 0
                    && out.toString().contains("PROMOTED");
        });
        String line = out.toString().lines().filter(l -> l.contains("expense-reports.xlsx@")).findFirst().orElseThrow();
        assertThat(line.trim().split("\\s+")).startsWith("PROMOTED").contains(String.valueOf(SPREADSHEET_ROWS),
                "s3://ingress/finance/expense_reports/expense-reports.xlsx");
        assertThat(out.toString()).startsWith("1 batch(es) of " + BATCH_DATASET + ":");
        CommittedKeys staged = new CommittedKeys(kafka);
        assertThat(staged.await("finance.staging.expense_reports", Set.of("EXP-2024-0001"), Duration.ofSeconds(10))).isTrue();
    }

    @Test
    @Order(6)
    void everySavedQueryAnswersTheSameOnTrinoOverTheFilesTheSinkWrote() throws Exception {
        Installation installation = Installation.current();
        Assumptions.assumeTrue(TrinoServerConfig.isInstalled(installation.trinoHome()) && Files.isExecutable(installation.trinoJava()),
                "Trino is not unpacked at " + installation.trinoHome() + " (build with -Ptrino)");
        // The Trino component as `up --engine trino` starts it, over this platform's S3 server and lake.
        PlatformConfig withTrino = config.withEngine(PlatformConfig.QueryEngine.TRINO, Ports.freePort());
        ComponentSpec spec = new ComponentCommands(withTrino).trino();
        ProcessLauncher launcher = new ProcessLauncher();
        Process trino = launcher.start(spec, withTrino.layout().log("trino"));
        try {
            launcher.awaitHealthy(spec, trino, withTrino.layout().log("trino"), Duration.ofSeconds(240));
            TrinoConnections.awaitReady(withTrino.trinoJdbcUrl(), Duration.ofSeconds(240), trino::isAlive);
            LakeQuery onTrino = LakeQuery.of(withTrino, PlatformConfig.QueryEngine.TRINO);
            LakeQuery onDuckDb = LakeQuery.of(config, PlatformConfig.QueryEngine.DUCKDB);
            int answered = 0;
            for (SavedQueries.Query query : SavedQueries.all()) {
                QueryResult trinoRows = onTrino.query(query.sql());
                assertThat(ResultComparison.differences(trinoRows, onDuckDb.query(query.sql()))).as(query.name()).isEmpty();
                answered += trinoRows.rowCount() > 0 ? 1 : 0;
            }
            // Staging, rejected, ods and analytical all hold rows here; only the second-version query may be empty.
            assertThat(answered).as("saved queries with rows").isGreaterThanOrEqualTo(SavedQueries.all().size() - 1);
        } finally {
            trino.destroy();
            if (!trino.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                trino.destroyForcibly();
            }
        }
    }

    @Test
    @Order(7)
    void noPasswordIsInAnyLogCommandLineOrStatusAndSecretsAreOwnerOnly() throws Exception {
        CredentialStore secrets = CredentialStore.open(config.layout().secretsFile());
        assertThat(secrets.users()).contains("tributary-platform", "finance-validator", "finance-producer", "hr-analyst");
        List<String> passwords = secrets.users().stream().map(u -> secrets.require(u).reveal()).toList();
        StringWriter status = new StringWriter();
        StatusCommand.print(platform.status(), new PrintWriter(status));
        List<String> places = new ArrayList<>(List.of(status.toString(), Files.readString(config.layout().stateFile())));
        for (ComponentStatus component : platform.status()) {
            places.add(Files.readString(Path.of(component.logFile())));
            places.add(ProcessHandle.of(component.pid()).flatMap(h -> h.info().commandLine()).orElse(""));
        }
        for (String place : places) {
            for (String password : passwords) {
                assertThat(place).doesNotContain(password);
            }
        }
        try (var files = Files.list(config.layout().secrets())) {
            for (Path file : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-------");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.layout().clientProperties()))).isEqualTo("rw-------");
        // Without credentials the broker refuses: a plain client cannot even list topics.
        try (Admin anonymous = Admin.create(Map.<String, Object>of("bootstrap.servers", config.kafkaBootstrap(),
                "request.timeout.ms", 3000, "default.api.timeout.ms", 5000))) {
            assertThatThrownBy(() -> anonymous.listTopics().names().get()).isInstanceOf(java.util.concurrent.ExecutionException.class);
        }
    }

    @Test
    @Order(8)
    void applyingTheZonesAgainChangesNothing() {
        StringWriter out = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        int rc = cli.execute("zones", "apply", config.zonesDir().toString(),
                "--client-config", config.layout().clientProperties().toString(), "--registry-url", config.registryUrl(),
                "--secrets", config.layout().secretsFile().toString());
        assertThat(rc).isZero();
        assertThat(out.toString()).contains("No changes.", "ACLs: no changes.", "Credentials: no changes.");
    }

    @Test
    @Order(9)
    void aSecondUpIsRefusedWhileRunning() {
        assertThatThrownBy(() -> platform.up(Progress.SILENT))
                .isInstanceOf(LocalRuntimeException.class).hasMessageContaining("already running");
    }

    @Test
    @Order(10)
    void aPortInUseIsReportedBeforeAnythingStarts(@TempDir Path otherData) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            PlatformPorts ports = new PlatformPorts(taken.getLocalPort(), Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort());
            LocalPlatform other = new LocalPlatform(PlatformConfig.defaults(config.installation(), otherData, config.zonesDir(), ports));
            assertThatThrownBy(() -> other.up(Progress.SILENT)).isInstanceOf(LocalRuntimeException.class)
                    .hasMessage("Kafka broker: port " + taken.getLocalPort() + " on localhost is already in use;"
                            + " stop what uses it or choose another port");
            assertThat(other.status()).isEmpty();
        }
    }

    @Test
    @Order(11)
    void theRegistryAnswersTheZonesLoginsWithinTheirZones() throws Exception {
        CredentialStore secrets = CredentialStore.open(config.layout().secretsFile());
        assertThat(registryGet("/subjects", null).statusCode()).isEqualTo(401);
        String financeAnalyst = "finance-analyst:" + secrets.require("finance-analyst").reveal();
        String hrAnalyst = "hr-analyst:" + secrets.require("hr-analyst").reveal();
        assertThat(registryGet("/subjects", financeAnalyst).body()).contains("\"finance.staging.expenses-value\"");
        assertThat(registryGet("/subjects", hrAnalyst).body()).doesNotContain("finance.").contains("\"hr.staging.departments-value\"");
        assertThat(registryGet("/subjects/finance.staging.expenses-value/versions/latest", hrAnalyst).statusCode()).isEqualTo(403);
        assertThat(registryGet("/subjects", "finance-analyst:wrong-password").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(12)
    void eachZonesProcessorsLogInAsTheZonesRoles() throws Exception {
        String log = Files.readString(config.layout().log(ComponentCommands.validatorName("finance")));
        assertThat(log).contains("User:finance-canonicaliser", "User:finance-analytical").doesNotContain("User:tributary-platform");
    }

    @Test
    @Order(13)
    void aReplayRunsAsTheZonesValidatorOnTheSecuredBroker() {
        // The replay reads landing, fences, then stages and rejects in transactions: all as User:finance-validator.
        StringWriter out = new StringWriter();
        String validator = "http://localhost:" + ComponentCommands.validatorPort(config, 0);
        assertThat(cli(out, "replay", "finance.expenses", "--from", "0", "--validator-url", validator)).as(out.toString()).isZero();
        assertThat(out.toString()).contains((VALID + INVALID) + " landing records read, " + VALID + " already in staging (skipped)",
                "0 to staging, " + INVALID + " to rejected");
    }

    @Test
    @Order(14)
    void thePlatformsPasswordRotatesAndThePlatformStartsAgainWithIt() throws Exception {
        CredentialStore before = CredentialStore.open(config.layout().secretsFile());
        String oldPassword = before.require("tributary-platform").reveal();
        StringWriter out = new StringWriter();
        assertThat(cli(out, "zones", "rotate-credentials", "--platform", "--client-config", config.layout().clientProperties().toString(),
                "--secrets", config.layout().secretsFile().toString())).isZero();
        assertThat(out.toString()).contains("Rotated the credential of tributary-platform", "client.properties", "broker.properties",
                "registry-users.properties");
        String newPassword = CredentialStore.open(config.layout().secretsFile()).require("tributary-platform").reveal();
        assertThat(newPassword).isNotEqualTo(oldPassword);
        assertThat(Files.readString(config.layout().clientProperties())).contains(newPassword).doesNotContain(oldPassword);
        Map<String, Object> oldLogin = new HashMap<>(kafka.asConfig());
        oldLogin.put("request.timeout.ms", 3000);
        oldLogin.put("default.api.timeout.ms", 5000);
        try (Admin stale = Admin.create(oldLogin)) {
            assertThatThrownBy(() -> stale.listTopics().names().get()).hasRootCauseInstanceOf(
                    org.apache.kafka.common.errors.SaslAuthenticationException.class);
        }

        // Every component logs in with the new password after a restart: broker, registry, Connect, processors, ingest.
        // The restart also moves the platform to TLS (`up --tls`): every one of them must then trust the local CA.
        platform.down(Progress.SILENT);
        config = config.withTls(true);
        platform = new LocalPlatform(config);
        platform.up(Progress.SILENT);
        assertThat(platform.status()).allSatisfy(s -> assertThat(s.state()).isEqualTo(ComponentStatus.State.UP));
        kafka = ClientSettings.load(config.layout().clientProperties());
        try (Admin admin = Admin.create(kafka.asConfig())) {
            assertThat(admin.listTopics().names().get()).contains("finance.staging.expenses");
        }
    }

    @Test
    @Order(15)
    void afterARestartWithTlsEveryComponentTalksSaslSslThroughTheLocalCa() throws Exception {
        Path ca = config.layout().secrets().resolve("tls/ca.crt");
        assertThat(platform.status().get(0).address()).isEqualTo("localhost:" + config.ports().kafka() + " (SASL_SSL, SCRAM-SHA-512, ACLs)");
        assertThat(kafka.asMap()).containsEntry("security.protocol", "SASL_SSL").containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", ca.toString());
        assertThat(Files.readString(ca)).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.layout().secrets().resolve("tls/ca.key"))))
                .isEqualTo("rw-------");

        // The same login without TLS is refused on the TLS listener.
        Map<String, Object> plain = new HashMap<>(kafka.asConfig());
        plain.put("security.protocol", "SASL_PLAINTEXT");
        plain.put("request.timeout.ms", 3000);
        plain.put("default.api.timeout.ms", 5000);
        try (Admin admin = Admin.create(plain)) {
            assertThatThrownBy(() -> admin.listTopics().names().get()).isInstanceOf(java.util.concurrent.ExecutionException.class);
        }

        // client-config gives the producer what it needs over TLS, as it is: its records land and the validator
        // (over TLS, as finance-validator) stages them.
        StringWriter out = new StringWriter();
        assertThat(cli(out, "client-config", "finance", "producer", "--client-config", config.layout().clientProperties().toString(),
                "--secrets", config.layout().secretsFile().toString(), "--registry-url", config.registryUrl())).as(out.toString()).isZero();
        Path producerConfig = dataDir.resolve("finance-producer.properties");
        Files.writeString(producerConfig, out.toString());
        ClientSettings producerSettings = ClientSettings.load(producerConfig);
        assertThat(producerSettings.asMap()).containsEntry("security.protocol", "SASL_SSL").containsEntry("ssl.truststore.location", ca.toString());
        List<GeneratedRecord> more = new ExpenseGenerator(7, Instant.now()).generate(20, 0);
        new LandingProducer(producerSettings).send("finance.landing.expenses", more);
        assertThat(new CommittedKeys(kafka).await("finance.staging.expenses", more.stream().map(GeneratedRecord::key)
                .collect(Collectors.toSet()), Duration.ofSeconds(90))).isTrue();

        // The ingest service's per-zone producer works over TLS too.
        String body = "{\"expense_id\":\"tls-1\",\"employee_id\":\"E00001\",\"department\":\"ops\",\"amount\":\"12.50\","
                + "\"currency\":\"EUR\",\"category\":\"MEALS\",\"submitted_at\":\"2026-11-28T10:00:00Z\",\"description\":null}";
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(config.ingestUrl() + "/zones/finance/datasets/expenses/records"))
                .header("Content-Type", "application/x-ndjson").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        assertThat(new CommittedKeys(kafka).await("finance.staging.expenses", Set.of("tls-1"), Duration.ofSeconds(60))).isTrue();
    }

    @Test
    @Order(20)
    void downStopsEverything() {
        List<Long> pids = platform.status().stream().map(ComponentStatus::pid).toList();
        assertThat(platform.down(Progress.SILENT)).isEqualTo(7);
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse());
        assertThat(platform.status()).isEmpty();
    }

    private java.net.http.HttpResponse<String> registryGet(String path, String userInfo) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(config.registryUrl() + path)).GET();
        if (userInfo != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static int cli(StringWriter out, String... args) {
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        return cli.execute(args);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
