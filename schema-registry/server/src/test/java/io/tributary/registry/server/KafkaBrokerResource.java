package io.tributary.registry.server;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real secured broker before the application under test and points the registry at it:
 * bootstrap and the platform user's SASL login as {@code kafka.<key>} overrides, handed to the
 * application in memory (never through a command line or a file).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {
    private TestBroker broker;

    @Override
    public Map<String, String> start() {
        broker = TestBroker.start();
        return broker.registrySettings();
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
