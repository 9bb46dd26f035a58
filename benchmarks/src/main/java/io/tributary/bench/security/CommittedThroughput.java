package io.tributary.bench.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import io.tributary.bench.pipeline.ValidatorProcess;

/**
 * Times a validator from its first committed output record to its {@code records}-th, as the
 * validator benchmark does (start-up, log-in and rebalancing excluded), counting
 * {@code read_committed} end offsets of the output topic: what a staging reader can see.
 */
final class CommittedThroughput {
    /** A validator that has committed nothing by then is stuck (denied, or not authenticated): fail rather than wait. */
    private static final Duration FIRST_OUTPUT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration TOTAL_TIMEOUT = Duration.ofMinutes(15);

    private final Map<String, Object> client;
    private final String topic;
    private final int partitions;

    CommittedThroughput(Map<String, Object> client, String topic, int partitions) {
        this.client = client;
        this.topic = topic;
        this.partitions = partitions;
    }

    /** @return the time from the first committed output record to the {@code records}-th */
    Duration measure(ValidatorProcess validator, int records, Path validatorLog) throws Exception {
        try (Admin admin = Admin.create(client)) {
            long started = System.nanoTime();
            long first = 0;
            while (true) {
                long committed = committed(admin);
                long now = System.nanoTime();
                if (first == 0 && committed > 0) {
                    first = now;
                }
                if (committed >= records) {
                    return Duration.ofNanos(now - first);
                }
                if (!validator.isAlive()) {
                    throw new IllegalStateException("the validator stopped after committing " + committed + " of " + records
                            + " records to " + topic + "; see " + validatorLog);
                }
                if (first == 0 && now - started > FIRST_OUTPUT_TIMEOUT.toNanos()) {
                    throw new IllegalStateException("the validator committed nothing to " + topic + " within "
                            + FIRST_OUTPUT_TIMEOUT.toMinutes() + " minutes of its start; see " + validatorLog);
                }
                if (now - started > TOTAL_TIMEOUT.toNanos()) {
                    throw new IllegalStateException("the validator committed only " + committed + " of " + records + " records to "
                            + topic + " in " + TOTAL_TIMEOUT.toMinutes() + " minutes; see " + validatorLog);
                }
                Thread.sleep(50);
            }
        }
    }

    private long committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        // The last stable offsets. Transaction markers count as offsets, so the sum reaches N slightly
        // before the N-th record, in both runs alike: negligible at these sizes.
        return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS)
                .values().stream().mapToLong(r -> r.offset()).sum();
    }
}
