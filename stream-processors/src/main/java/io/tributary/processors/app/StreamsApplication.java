package io.tributary.processors.app;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one Kafka Streams application of the process: its state (as its state listener) and its
 * failures (as its uncaught exception handler), for the health checks and the log.
 * <p>
 * A failure that is not a record's fault (the registry unreachable while a writer schema is needed,
 * a broker problem) aborts the transaction and replaces the stream thread: the records are processed
 * again from the last commit, so nothing is lost and nothing is written twice. A missing right or a
 * refused login would fail every new thread the same way, so the application stops instead (state
 * ERROR), says why in one line, and reports DOWN until the process is restarted with the right granted.
 */
public final class StreamsApplication implements KafkaStreams.StateListener, StreamsUncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsApplication.class);

    private final String zone;
    private final String kind;
    private final String applicationId;
    private final ProcessorRole role;
    private final String principal;
    private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
    private volatile String lastFailure;
    private final AtomicInteger threadsReplaced = new AtomicInteger();

    /** @param kind for the log: "validator", "ods", "analytical" */
    public StreamsApplication(String zone, String kind, String applicationId, RoleIdentity identity) {
        this.zone = zone;
        this.kind = kind;
        this.applicationId = applicationId;
        this.role = identity.role();
        this.principal = identity.principal();
    }

    /** Follows {@code streams} from now on; call before it starts. */
    public void follow(KafkaStreams streams) {
        streams.setStateListener(this);
        streams.setUncaughtExceptionHandler(this);
    }

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        state = newState;
        if (newState == KafkaStreams.State.ERROR) {
            LOG.error("Zone {}: {} application {} (role {}, {}) stopped: {}. It reports DOWN until the process is restarted", zone, kind,
                    applicationId, role.id(), principal, lastFailure == null ? "no failure was reported (see above)" : lastFailure);
        } else if (newState != KafkaStreams.State.PENDING_ERROR) {
            LOG.info("Zone {}: {} application {} is {} (was {})", zone, kind, applicationId, newState, oldState);
        }
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable failure) {
        lastFailure = ApplicationFailure.describe(failure);
        if (ApplicationFailure.needsOperator(failure)) {
            // The line saying it stopped comes with the ERROR state.
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        threadsReplaced.incrementAndGet();
        LOG.error("Zone {}: {} application {} (role {}, {}) failed; replacing its stream thread, records are processed again from the"
                + " last commit: {}", zone, kind, applicationId, role.id(), principal, lastFailure);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    public String applicationId() {
        return applicationId;
    }

    public ApplicationStatus status() {
        return ApplicationStatus.ofStreams(applicationId, role, principal, state, Optional.ofNullable(lastFailure), threadsReplaced.get());
    }
}
