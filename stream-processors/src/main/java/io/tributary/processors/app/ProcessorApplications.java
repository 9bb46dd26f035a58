package io.tributary.processors.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Every application this process runs for its zone, in start order: the validator, then the ods and
 * analytical applications and the hold watcher once {@link OdsLifecycle} has built them. What the
 * readiness and liveness checks report.
 */
@Singleton
public class ProcessorApplications {
    private final String zone;
    private final StreamsApplication validator;
    private final List<Supplier<ApplicationStatus>> others = new CopyOnWriteArrayList<>();

    @Inject
    public ProcessorApplications(ValidatorSetup setup, ProcessorRoles roles) {
        this(setup.zone(), new StreamsApplication(setup.zone(), "validator", setup.scope().applicationId(),
                roles.of(ProcessorRole.VALIDATOR)));
    }

    ProcessorApplications(String zone, StreamsApplication validator) {
        this.zone = zone;
        this.validator = validator;
    }

    public String zone() {
        return zone;
    }

    /** The validator's Kafka Streams application (run by Quarkus' Kafka Streams extension). */
    public StreamsApplication validator() {
        return validator;
    }

    public void register(StreamsApplication application) {
        others.add(application::status);
    }

    public void register(HoldWatcherStatus holdWatcher) {
        others.add(holdWatcher::status);
    }

    public List<ApplicationStatus> statuses() {
        List<ApplicationStatus> statuses = new ArrayList<>();
        statuses.add(validator.status());
        others.forEach(s -> statuses.add(s.get()));
        return statuses;
    }
}
