package io.tributary.processors.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the applications' states and failures make the processors' readiness and liveness, with Kafka
 * Streams' own state values (and a real, unstarted Kafka Streams instance for the listener's part).
 */
class ProcessorsHealthTest {
    private static final String SECRET = "canon-secret";
    private static final RoleIdentity VALIDATOR = identity(ProcessorRole.VALIDATOR, "finance-validator", "validator-secret");
    private static final RoleIdentity CANONICALISER = identity(ProcessorRole.CANONICALISER, "finance-canonicaliser", SECRET);

    @TempDir
    Path stateDir;

    private static RoleIdentity identity(ProcessorRole role, String user, String password) {
        return new RoleIdentity(role, Map.of("bootstrap.servers", "localhost:9092", "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password + "\";"),
                Optional.empty());
    }

    private static StreamsApplication validator() {
        return new StreamsApplication("finance", "validator", "tributary-finance-validator", VALIDATOR);
    }

    private static StreamsApplication odsMapping() {
        return new StreamsApplication("finance", "ods", "tributary-finance-ods-map-expenses", CANONICALISER);
    }

    private static HealthCheckResponse readiness(StreamsApplication... applications) {
        return ProcessorsHealth.readiness("finance", statuses(applications), Map.of("expenses", 7));
    }

    private static List<ApplicationStatus> statuses(StreamsApplication... applications) {
        return java.util.Arrays.stream(applications).map(StreamsApplication::status).toList();
    }

    private static void move(StreamsApplication application, KafkaStreams.State... path) {
        KafkaStreams.State before = KafkaStreams.State.CREATED;
        for (KafkaStreams.State next : path) {
            application.onChange(next, before);
            before = next;
        }
    }

    @Test
    void readyWhenEveryApplicationRunsOrRebalancesAndEachIsListedWithRoleAndPrincipal() {
        StreamsApplication validator = validator();
        StreamsApplication ods = odsMapping();
        move(validator, KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING);
        move(ods, KafkaStreams.State.REBALANCING);

        HealthCheckResponse ready = readiness(validator, ods);

        assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        Map<String, Object> data = ready.getData().orElseThrow();
        assertThat(data).containsEntry("zone", "finance").containsEntry("applications", 2L)
                .containsEntry("tributary-finance-validator.role", "validator")
                .containsEntry("tributary-finance-validator.principal", "User:finance-validator")
                .containsEntry("tributary-finance-validator.state", "RUNNING")
                .containsEntry("tributary-finance-ods-map-expenses.role", "canonicaliser")
                .containsEntry("tributary-finance-ods-map-expenses.principal", "User:finance-canonicaliser")
                .containsEntry("tributary-finance-ods-map-expenses.state", "REBALANCING")
                .containsEntry("dataset.expenses.schemaId", 7L)
                .doesNotContainKey("notReady");
        assertThat(ProcessorsHealth.liveness("finance", statuses(validator, ods)).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void anApplicationNotStartedYetIsNotReadyButAlive() {
        StreamsApplication validator = validator();
        move(validator, KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING);
        StreamsApplication ods = odsMapping();

        HealthCheckResponse ready = readiness(validator, ods);

        assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(ready.getData().orElseThrow()).containsEntry("notReady", "tributary-finance-ods-map-expenses")
                .containsEntry("tributary-finance-ods-map-expenses.state", "CREATED")
                .doesNotContainKey("tributary-finance-ods-map-expenses.cause");
        assertThat(ProcessorsHealth.liveness("finance", statuses(validator, ods)).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void aMissingRightStopsTheApplicationAndBothChecksNameItAndTheTopic() {
        StreamsApplication validator = validator();
        StreamsApplication ods = odsMapping();
        move(validator, KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING);
        move(ods, KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING);

        StreamThreadExceptionResponse response = ods.handle(new StreamsException("Error encountered sending record to topic finance.ods.expense"
                + " for task 0_0 due to:\norg.apache.kafka.common.errors.TopicAuthorizationException: Not authorized",
                new TopicAuthorizationException(Set.of("finance.ods.expense"))));
        assertThat(response).as("a new thread would fail the same way").isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        ods.onChange(KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.RUNNING);
        assertThat(readiness(validator, ods).getStatus()).as("PENDING_ERROR").isEqualTo(HealthCheckResponse.Status.DOWN);
        ods.onChange(KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_ERROR);

        HealthCheckResponse ready = readiness(validator, ods);
        assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(ready.getData().orElseThrow()).containsEntry("notReady", "tributary-finance-ods-map-expenses")
                .containsEntry("tributary-finance-ods-map-expenses.state", "ERROR")
                .containsEntry("tributary-finance-ods-map-expenses.role", "canonicaliser")
                .containsEntry("tributary-finance-ods-map-expenses.cause",
                        "TopicAuthorizationException: Not authorized to access topics: [finance.ods.expense]")
                .containsEntry("tributary-finance-validator.state", "RUNNING")
                .doesNotContainKey("tributary-finance-validator.cause");
        HealthCheckResponse live = ProcessorsHealth.liveness("finance", statuses(validator, ods));
        assertThat(live.getStatus()).as("only a restart brings it back").isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(live.getData().orElseThrow()).containsEntry("failed", "tributary-finance-ods-map-expenses")
                .containsEntry("tributary-finance-ods-map-expenses.cause",
                        "TopicAuthorizationException: Not authorized to access topics: [finance.ods.expense]")
                .doesNotContainKey("tributary-finance-validator.state");
        assertThat(ready.getData().orElseThrow().values()).noneMatch(v -> v.toString().contains(SECRET));
    }

    @Test
    void anOtherFailureReplacesTheThreadAndTheApplicationStaysReadyWithTheFailureCounted() {
        StreamsApplication ods = odsMapping();
        move(ods, KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING);

        StreamThreadExceptionResponse response = ods.handle(new StreamsException("task 0_1 failed",
                new TimeoutException("Timeout expired after 60000ms while awaiting InitProducerId")));

        assertThat(response).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        HealthCheckResponse ready = readiness(ods);
        assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(ready.getData().orElseThrow()).containsEntry("tributary-finance-ods-map-expenses.threadsReplaced", 1L)
                .containsEntry("tributary-finance-ods-map-expenses.lastFailure",
                        "TimeoutException: Timeout expired after 60000ms while awaiting InitProducerId");
    }

    @Test
    void aStoppedApplicationIsNotReadyEveryStateButRunningAndRebalancingIsDown() {
        for (KafkaStreams.State state : KafkaStreams.State.values()) {
            StreamsApplication ods = odsMapping();
            ods.onChange(state, KafkaStreams.State.CREATED);
            boolean ready = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
            assertThat(readiness(ods).getStatus()).as(state.name())
                    .isEqualTo(ready ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN);
            boolean failed = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
            assertThat(ProcessorsHealth.liveness("finance", statuses(ods)).getStatus()).as(state.name())
                    .isEqualTo(failed ? HealthCheckResponse.Status.DOWN : HealthCheckResponse.Status.UP);
        }
    }

    @Test
    void followsARealKafkaStreamsInstanceFromCreatedToNotRunning() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "tributary-finance-ods-map-expenses");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("finance.staging.expenses", Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())).to("finance.ods.expense");
        StreamsApplication ods = odsMapping();
        ProcessorApplications applications = new ProcessorApplications("finance", validator());
        applications.register(ods);
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            ods.follow(streams);
            assertThat(applications.statuses()).extracting(ApplicationStatus::applicationId)
                    .containsExactly("tributary-finance-validator", "tributary-finance-ods-map-expenses");
            assertThat(ods.status().state()).isEqualTo("CREATED");
            streams.close(Duration.ofSeconds(5));
        }
        // The listener hears NOT_RUNNING from Kafka Streams' shutdown thread, just after close() returns.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ods.status().state()).isEqualTo("NOT_RUNNING"));
        assertThat(ods.status().ready()).isFalse();
        assertThat(ods.status().failed()).as("closed, not failed").isFalse();
    }

    @Test
    void theHoldWatcherIsReportedWaitingRunningOrFailed() {
        HoldWatcherStatus holds = new HoldWatcherStatus("finance", CANONICALISER);
        assertThat(holds.status()).extracting(ApplicationStatus::applicationId, ApplicationStatus::state, ApplicationStatus::ready)
                .containsExactly("tributary-finance-hold-watcher", "WAITING", false);
        holds.running();
        assertThat(holds.status().ready()).isTrue();

        HoldWatcherStatus refused = new HoldWatcherStatus("finance", CANONICALISER);
        refused.failed(new TopicAuthorizationException(Set.of("_tributary.finance.holds")));
        HealthCheckResponse live = ProcessorsHealth.liveness("finance", List.of(refused.status()));
        assertThat(live.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(live.getData().orElseThrow()).containsEntry("tributary-finance-hold-watcher.state", "FAILED")
                .containsEntry("tributary-finance-hold-watcher.principal", "User:finance-canonicaliser")
                .containsEntry("tributary-finance-hold-watcher.cause", "TopicAuthorizationException: Not authorized to access topics: [_tributary.finance.holds]");

        // Following holds after the start can fail too (a right withdrawn): reported, and never overwritten by a late "running".
        HoldWatcherStatus stopped = new HoldWatcherStatus("finance", CANONICALISER);
        stopped.running();
        stopped.failed(new TopicAuthorizationException(Set.of("_tributary.finance.holds")));
        stopped.running();
        assertThat(stopped.status()).extracting(ApplicationStatus::state, ApplicationStatus::ready).containsExactly("FAILED", false);
    }

    @Test
    void aCauseNeverCarriesAPassword() {
        String cause = ApplicationFailure.describe(new StreamsException(new ConfigException("sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"finance-canonicaliser\" password=\"" + SECRET
                        + "\";", "Invalid JAAS line")));

        assertThat(cause).startsWith("ConfigException: ").doesNotContain(SECRET).contains("password=[hidden]");
    }
}
