package io.tributary.registry.server;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts a real broker before the application under test and points the registry at it. */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {
    private TestBroker broker;

    @Override
    public Map<String, String> start() {
        broker = TestBroker.start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
