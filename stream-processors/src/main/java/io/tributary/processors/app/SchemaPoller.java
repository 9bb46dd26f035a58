package io.tributary.processors.app;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Looks up the latest staging schema versions at {@code tributary.schema-registry.poll-interval}, on a thread of its own. */
@ApplicationScoped
public class SchemaPoller {
    private ScheduledExecutorService executor;

    void onStart(@Observes StartupEvent event, ValidatorSetup setup, ValidatorConfig config) {
        long interval = config.schemaRegistry().pollInterval().toMillis();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tributary-schema-poller");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(setup.evolution()::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
