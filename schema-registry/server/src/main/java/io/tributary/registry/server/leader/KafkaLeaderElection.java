package io.tributary.registry.server.leader;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.registry.server.store.kafka.KafkaClientSettings;

/**
 * Elects one writer among the registry instances that share a schema topic, through Kafka's
 * consumer-group membership: every instance joins the group {@code schema.registry.group.id};
 * {@link LeaderAssignor} picks the leader and tells everyone its URL. An instance that stops (or
 * stops heart-beating for the session timeout) leaves the group and another is elected.
 *
 * <p>An instance joins only once it has read the whole schema topic, so a leader always starts
 * from a complete view.
 */
public final class KafkaLeaderElection implements Leadership, ElectionListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaLeaderElection.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaClientSettings clients;
    private final String groupId;
    private final String topic;
    private final MemberInfo self;
    private final int sessionTimeoutMs;
    private final BooleanSupplier mayJoin;
    private final Thread thread;

    private final Object lock = new Object();
    private boolean leader;
    private String leaderUrl;
    private long term;
    private volatile boolean closing;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /**
     * @param mayJoin true once this instance may take part (its store has caught up)
     */
    public KafkaLeaderElection(KafkaClientSettings clients, String groupId, String topic, String selfUrl, boolean eligible,
            Duration sessionTimeout, BooleanSupplier mayJoin) {
        this.clients = clients;
        this.groupId = groupId;
        this.topic = topic;
        this.self = new MemberInfo(selfUrl, eligible);
        this.sessionTimeoutMs = (int) sessionTimeout.toMillis();
        this.mayJoin = mayJoin;
        this.thread = new Thread(this::run, "registry-leader-election");
        this.thread.setDaemon(true);
    }

    public KafkaLeaderElection start() {
        thread.start();
        return this;
    }

    @Override
    public boolean isLeader() {
        synchronized (lock) {
            return leader;
        }
    }

    @Override
    public long term() {
        synchronized (lock) {
            return term;
        }
    }

    @Override
    public Optional<String> leaderUrl() {
        synchronized (lock) {
            return Optional.ofNullable(leaderUrl);
        }
    }

    @Override
    public Optional<String> awaitLeader(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (leaderUrl == null) {
                long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMs <= 0) {
                    break;
                }
                lock.wait(remainingMs);
            }
            return Optional.ofNullable(leaderUrl);
        }
    }

    @Override
    public String selfUrl() {
        return self.url();
    }

    @Override
    public MemberInfo self() {
        return self;
    }

    @Override
    public void elected(Optional<String> url, boolean isSelf, int generation) {
        synchronized (lock) {
            boolean wasLeader = leader;
            leader = isSelf;
            leaderUrl = url.orElse(null);
            if (isSelf && !wasLeader) {
                term++;
            }
            lock.notifyAll();
        }
        if (isSelf) {
            LOG.info("Elected leader of group {} (generation {}): this instance ({}) writes to {}", groupId, generation,
                    self.url(), topic);
        } else if (url.isPresent()) {
            LOG.info("Group {} generation {}: the leader is {}; writes are forwarded to it", groupId, generation, url.get());
        } else {
            LOG.warn("Group {} generation {}: no instance may lead (leader.eligibility=false everywhere); writes are refused",
                    groupId, generation);
        }
    }

    @Override
    public void revoked() {
        synchronized (lock) {
            leader = false;
            leaderUrl = null;
        }
    }

    private void run() {
        long backoffMs = 500;
        while (!closing) {
            if (!mayJoin.getAsBoolean()) {
                sleep(200);
                continue;
            }
            try {
                participate();
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                if (closing) {
                    break;
                }
                revoked();
                LOG.warn("Leader election in group {} failed ({}); rejoining in {} ms", groupId, e.toString(), backoffMs);
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 10_000);
            }
        }
    }

    private void participate() {
        Map<String, Object> props = clients.electionMember("tributary-registry-election", groupId, sessionTimeoutMs);
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, LeaderAssignor.class.getName());
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(LeaderAssignor.LISTENER_CONFIG, this);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props)) {
            consumer = c;
            if (closing) {
                return;
            }
            c.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    revoked();
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // The partition is only a token of leadership: nothing is fetched.
                    c.pause(partitions);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    revoked();
                }
            });
            LOG.info("Joining group {} for the leader election as {} ({})", groupId, self.url(),
                    self.eligible() ? "eligible" : "never leader: leader.eligibility=false");
            while (!closing) {
                c.poll(POLL);
            }
        } finally {
            consumer = null;
            revoked();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Leaves the group at once, so that another instance is elected without waiting for a timeout. */
    @Override
    public void close() {
        closing = true;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup(); // not an interrupt: the consumer must still close cleanly and leave the group
        } else {
            thread.interrupt();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
