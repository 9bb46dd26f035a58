package io.tributary.local;

import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a local component as its own process until it is asked to stop (SIGTERM from
 * `tributary down`), then closes it cleanly.
 */
final class ComponentMain {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentMain.class);

    private ComponentMain() {
    }

    static int runUntilStopped(String name, java.util.function.Supplier<AutoCloseable> starter) {
        AutoCloseable component;
        try {
            component = starter.get();
        } catch (RuntimeException e) {
            LOG.error("{} failed to start: {}", name, e.getMessage(), e);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("{} stopping", name);
            try {
                component.close();
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly: {}", name, e.getMessage(), e);
            }
            stopped.countDown();
        }, name + "-shutdown"));
        LOG.info("{} running; send SIGTERM to stop", name);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
