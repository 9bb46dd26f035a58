package io.tributary.connect.s3;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.s3.commit.BatchCommitter;
import io.tributary.connect.s3.commit.LakeResumePointFinder;
import io.tributary.connect.s3.decode.BadRecordException;
import io.tributary.connect.s3.decode.ValueDecoder;
import io.tributary.connect.s3.decode.WireFormatValueDecoder;
import io.tributary.connect.s3.storage.ObjectStore;
import io.tributary.connect.s3.storage.S3ObjectStore;
import io.tributary.connect.s3.writer.IncomingRecord;
import io.tributary.connect.s3.writer.LakeWriter;
import io.tributary.registry.client.CachingSchemaRegistry;
import io.tributary.registry.client.HttpSchemaRegistry;
import io.tributary.registry.client.RegistryException;

/**
 * Connect's side of the sink, kept thin: decodes values, hands records to the {@link LakeWriter}
 * and tells Connect what it may commit. Exactly-once rests on three things done here: seeking
 * each opened partition to its resume point in S3, committing to Kafka only what is durable in
 * S3, and discarding open files when partitions are taken away.
 */
public final class S3ParquetSinkTask extends SinkTask {
    private static final Logger LOG = LoggerFactory.getLogger(S3ParquetSinkTask.class);

    private ObjectStore store;
    private ValueDecoder decoder;
    private LakeWriter writer;
    private BadRecordHandler badRecords;

    @Override
    public String version() {
        return Versions.connector();
    }

    @Override
    public void start(Map<String, String> props) {
        S3ParquetSinkConfig config = new S3ParquetSinkConfig(props);
        store = S3ObjectStore.connect(config.s3Settings());
        decoder = new WireFormatValueDecoder(new CachingSchemaRegistry(
                new HttpSchemaRegistry(config.schemaRegistryUrl(), config.schemaRegistryUserInfo(), Duration.ofSeconds(30))));
        writer = new LakeWriter(config.writerSettings(), store, new LakeResumePointFinder(store),
                new BatchCommitter(config.bucket()), System::currentTimeMillis);
        badRecords = new BadRecordHandler(S3ParquetSinkConfig.deadLetterQueueEnabled(props) ? reporter() : null);
        LOG.info("S3 Parquet sink task started: bucket {}, registry {}", config.bucket(), config.schemaRegistryUrl());
    }

    private ErrantRecordReporter reporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null; // a worker older than Kafka 2.6
        }
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> seekTo = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OptionalLong resume;
            try {
                resume = writer.open(tp);
            } catch (IllegalArgumentException e) {
                throw new ConnectException("Cannot land topic " + tp.topic() + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new ConnectException("Cannot find where " + tp + " stopped in the lake: " + e.getMessage(), e);
            }
            resume.ifPresent(offset -> seekTo.put(tp, offset));
        }
        if (!seekTo.isEmpty()) {
            context.offset(seekTo);
            LOG.info("Resuming from the lake's durable offsets: {}", seekTo);
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        for (SinkRecord record : records) {
            try {
                GenericRecord value = decoder.decode(bytes(record));
                writer.write(new IncomingRecord(record.topic(), record.kafkaPartition(), record.kafkaOffset(), record.timestamp(), value));
            } catch (BadRecordException e) {
                badRecords.handle(record, e);
                writer.skip(record.topic(), record.kafkaPartition(), record.kafkaOffset());
            } catch (RegistryException e) {
                // Records already written are skipped when Connect delivers them again.
                throw new RetriableException("Schema registry unavailable at topic " + record.topic() + " partition "
                        + record.kafkaPartition() + " offset " + record.kafkaOffset() + ": " + e.getMessage(), e);
            } catch (IOException | RuntimeException e) {
                throw new ConnectException("Writing the record at topic " + record.topic() + " partition " + record.kafkaPartition()
                        + " offset " + record.kafkaOffset() + " failed: " + e.getMessage(), e);
            }
        }
        tick();
    }

    private static byte[] bytes(SinkRecord record) {
        Object value = record.value();
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        throw new ConnectException("The value at topic " + record.topic() + " partition " + record.kafkaPartition() + " offset "
                + record.kafkaOffset() + " is a " + value.getClass().getSimpleName() + ", not bytes: set value.converter="
                + "org.apache.kafka.connect.converters.ByteArrayConverter for this sink");
    }

    private void tick() {
        try {
            writer.tick();
        } catch (RuntimeException e) {
            throw new ConnectException(e.getMessage(), e);
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        tick();
        Map<TopicPartition, OffsetAndMetadata> durable = new HashMap<>();
        writer.committableOffsets().forEach((tp, offset) -> {
            if (currentOffsets.containsKey(tp)) {
                durable.put(tp, new OffsetAndMetadata(offset));
            }
        });
        LOG.debug("Offsets durable in the lake, to commit: {}", durable);
        return durable;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (writer != null) {
            writer.close(partitions);
        }
    }

    @Override
    public void stop() {
        if (writer != null) {
            writer.close();
        }
        if (store != null) {
            store.close();
        }
        LOG.info("S3 Parquet sink task stopped");
    }
}
