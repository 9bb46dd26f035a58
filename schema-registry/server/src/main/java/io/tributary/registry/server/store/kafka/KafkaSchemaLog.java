package io.tributary.registry.server.store.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;

/**
 * The registry's log in Kafka: one reader thread that tails the schema topic from its beginning
 * and hands every committed record, in order, to a handler; and a transactional writer whose
 * {@link #append} returns only once the reader has handed the new records on (read-your-writes).
 *
 * <p>The reader thread first sets the topic up, retrying while Kafka is unreachable, so that the
 * application can start (and report itself not ready) before its broker does.
 */
public final class KafkaSchemaLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaLog.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long MAX_RETRY_BACKOFF_MS = 10_000;

    private final KafkaClientSettings clients;
    private final SchemaLogSettings settings;
    private final Consumer<ConsumerRecord<byte[], byte[]>> handler;
    private final LogPosition position = new LogPosition();
    private final Admin admin;
    private final SchemaTopic topic;
    private final Thread readerThread;

    private volatile KafkaProducer<byte[], byte[]> producer;
    private volatile long producerTerm = -1;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile long startEndOffset = Long.MAX_VALUE;
    private volatile String problem = "not started";
    private volatile boolean fatal;
    private volatile boolean closing;

    public KafkaSchemaLog(KafkaClientSettings clients, SchemaLogSettings settings,
            Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        this.clients = clients;
        this.settings = settings;
        this.handler = handler;
        this.admin = Admin.create(clients.admin("tributary-registry-admin"));
        this.topic = new SchemaTopic(admin, settings);
        this.readerThread = new Thread(this::run, "schema-log-reader");
        this.readerThread.setDaemon(true);
    }

    public void start() {
        problem = "connecting to Kafka at " + clients.bootstrapServers();
        readerThread.start();
    }

    /** True once every record that was in the topic when the log started has been handled. */
    public boolean isCaughtUp() {
        return position.current() >= startEndOffset;
    }

    /** What keeps the log from being caught up, or what stopped it. */
    public Optional<String> problem() {
        return isCaughtUp() && !fatal ? Optional.empty() : Optional.ofNullable(problem);
    }

    /** False when the reader has stopped for good (a badly configured topic, or an unexpected failure). */
    public boolean isAlive() {
        return !fatal && (readerThread.isAlive() || closing);
    }

    /** Waits until the start-up read is complete. */
    public void awaitCaughtUp() {
        if (fatal) {
            throw new RegistryException(ErrorCode.STORE_ERROR, "The schema store has stopped: " + problem);
        }
        waitFor(() -> startEndOffset, "the schema store to finish reading topic " + settings.topic()
                + " at start-up (" + problem + ")");
    }

    /** Waits until everything written to the topic so far, by anyone, has been handled. */
    public void catchUp() {
        awaitCaughtUp();
        long end;
        try {
            end = topic.endOffset();
        } catch (ExecutionException | TimeoutException e) {
            throw new RegistryException(ErrorCode.STORE_TIMEOUT, "Could not read the end offset of topic "
                    + settings.topic() + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(ErrorCode.STORE_ERROR, "Interrupted while reading the end of " + settings.topic(), e);
        }
        waitFor(() -> end, "the schema store to read topic " + settings.topic() + " up to offset " + end);
    }

    /**
     * Makes this instance the topic's only writer for leadership term {@code term}: a new
     * transactional producer whose initialisation fences any earlier writer (another instance
     * that led before) and completes or aborts what it left unfinished. Called under the
     * store's writer lock before catching up, so that the catch-up sees everything.
     */
    public void becomeWriter(long term) {
        awaitCaughtUp();
        if (producer != null && producerTerm == term) {
            return;
        }
        closeProducer();
        KafkaProducer<byte[], byte[]> fresh = new KafkaProducer<>(clients.producer("tributary-registry-writer",
                (int) settings.timeout().toMillis(), settings.transactionalId()));
        try {
            fresh.initTransactions();
        } catch (KafkaException e) {
            fresh.close(Duration.ZERO);
            throw failure("Could not become the writer of topic " + settings.topic() + " (transactional id "
                    + settings.transactionalId() + ")", e);
        }
        producer = fresh;
        producerTerm = term;
        LOG.info("Writing to schema topic {} as {} (leadership term {})", settings.topic(), settings.transactionalId(), term);
    }

    /**
     * Writes records in one transaction and waits until the reader has handled them.
     *
     * @return the offset of the last record
     */
    public long append(List<SchemaLogCodec.Encoded> records) {
        awaitCaughtUp();
        KafkaProducer<byte[], byte[]> p = producer;
        if (p == null) {
            throw new RegistryException(ErrorCode.UNKNOWN_LEADER, "This instance is not the writer of " + settings.topic());
        }
        long offset;
        try {
            p.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (SchemaLogCodec.Encoded record : records) {
                sent.add(p.send(new ProducerRecord<>(settings.topic(), 0, record.key(), record.value())));
            }
            p.commitTransaction();
            offset = sent.get(sent.size() - 1).get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            closeProducer();
            throw new RegistryException(ErrorCode.UNKNOWN_LEADER, "Another registry instance has taken over writing to "
                    + settings.topic() + "; this instance is no longer the leader. Retry the request.", e);
        } catch (KafkaException e) {
            closeProducer(); // its transaction state is unknown; the next write starts a new writer
            throw failure("Writing to topic " + settings.topic() + " failed", e);
        } catch (java.util.concurrent.TimeoutException e) {
            closeProducer();
            throw new RegistryException(ErrorCode.STORE_TIMEOUT, "Writing to topic " + settings.topic()
                    + " was not acknowledged within " + settings.timeout().toMillis() + " ms", e);
        } catch (ExecutionException e) {
            closeProducer();
            throw new RegistryException(ErrorCode.STORE_ERROR, "Writing to topic " + settings.topic()
                    + " failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeProducer();
            throw new RegistryException(ErrorCode.STORE_ERROR, "Interrupted while writing to " + settings.topic(), e);
        }
        waitFor(() -> offset + 1, "the schema store to read back its own write at " + settings.topic() + " offset " + offset);
        return offset;
    }

    /** Stops writing (leadership lost, or closing). */
    public void closeProducer() {
        KafkaProducer<byte[], byte[]> p = producer;
        producer = null;
        producerTerm = -1;
        if (p != null) {
            p.close(Duration.ofSeconds(2));
        }
    }

    private RegistryException failure(String what, KafkaException e) {
        ErrorCode code = e instanceof org.apache.kafka.common.errors.TimeoutException ? ErrorCode.STORE_TIMEOUT : ErrorCode.STORE_ERROR;
        return new RegistryException(code, what + ": " + describe(e), e);
    }

    private void waitFor(LongSupplier target, String what) {
        try {
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            // The target itself may still be unknown (start-up), so it is re-read while waiting.
            while (position.current() < target.getAsLong()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || fatal) {
                    throw new RegistryException(fatal ? ErrorCode.STORE_ERROR : ErrorCode.STORE_TIMEOUT,
                            "Timed out after " + settings.timeout().toMillis() + " ms waiting for " + what);
                }
                position.awaitAtLeast(target.getAsLong(), Duration.ofNanos(Math.min(remaining, POLL.toNanos())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(ErrorCode.STORE_ERROR, "Interrupted while waiting for " + what, e);
        }
    }

    private void run() {
        try {
            if (!setUpWithRetries()) {
                return;
            }
            tail();
        } catch (RuntimeException e) {
            // Closing wakes the consumer up and interrupts the thread; that ends the loop quietly.
            if (!closing) {
                stopFatally("reading topic " + settings.topic() + " failed: " + describe(e), e);
            }
        } finally {
            KafkaConsumer<byte[], byte[]> c = consumer;
            if (c != null) {
                Thread.interrupted(); // an interrupt from close() must not abort the consumer's own close
                c.close(Duration.ofSeconds(1));
            }
        }
    }

    private boolean setUpWithRetries() {
        long backoffMs = 500;
        while (!closing) {
            try {
                topic.ensure();
                startEndOffset = topic.endOffset();
                consumer = new KafkaConsumer<>(clients.consumer("tributary-registry-reader"));
                consumer.assign(List.of(topic.partition()));
                consumer.seekToBeginning(List.of(topic.partition()));
                problem = "reading topic " + settings.topic() + " up to offset " + startEndOffset;
                LOG.info("Reading schema topic {} from the beginning up to offset {} (Kafka at {})",
                        settings.topic(), startEndOffset, clients.bootstrapServers());
                return true;
            } catch (SchemaTopicException e) {
                stopFatally(e.getMessage(), null);
                return false;
            } catch (TimeoutException e) {
                problem = "Kafka at " + clients.bootstrapServers() + " not usable yet: no answer within "
                        + settings.timeout().toMillis() + " ms";
                LOG.warn("{}; retrying in {} ms", problem, backoffMs);
            } catch (ExecutionException | RuntimeException e) {
                problem = "Kafka at " + clients.bootstrapServers() + " not usable yet: " + describe(e);
                LOG.warn("{}; retrying in {} ms", problem, backoffMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (!sleep(backoffMs)) {
                return false;
            }
            backoffMs = Math.min(backoffMs * 2, MAX_RETRY_BACKOFF_MS);
        }
        return false;
    }

    private void tail() {
        boolean announced = false;
        while (!closing) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            for (ConsumerRecord<byte[], byte[]> record : records) {
                handler.accept(record);
            }
            // The position, not the last record's offset: compaction and transaction markers leave gaps.
            position.advanceTo(consumer.position(topic.partition()));
            if (!announced && isCaughtUp()) {
                announced = true;
                LOG.info("Schema store caught up with topic {} at offset {}; ready", settings.topic(), position.current());
            }
        }
    }

    private void stopFatally(String reason, Throwable cause) {
        problem = reason;
        fatal = true;
        if (cause == null) {
            LOG.error("Schema store stopped: {}", reason);
        } else {
            LOG.error("Schema store stopped: {}", reason, cause);
        }
    }

    private static boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + message;
    }

    @Override
    public void close() {
        closing = true;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        } else {
            readerThread.interrupt(); // still setting up: cut a back-off sleep short
        }
        try {
            readerThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeProducer();
        admin.close(Duration.ofSeconds(5));
    }
}
