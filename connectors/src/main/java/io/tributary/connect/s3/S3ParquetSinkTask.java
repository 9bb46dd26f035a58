package io.tributary.connect.s3;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.s3.archive.ArchiveRecordEncoder;
import io.tributary.connect.s3.catalog.Catalog;
import io.tributary.connect.s3.catalog.CatalogNotifier;
import io.tributary.connect.s3.commit.CheckpointStore;
import io.tributary.connect.s3.commit.FileCommitter;
import io.tributary.connect.s3.commit.LakeResumePointFinder;
import io.tributary.connect.s3.commit.UploadPipeline;
import io.tributary.connect.s3.decode.RoutingProjection;
import io.tributary.connect.s3.decode.ValueDecoder;
import io.tributary.connect.s3.decode.WireFormatValueDecoder;
import io.tributary.connect.s3.errors.BadRecordException;
import io.tributary.connect.s3.format.FileFormat;
import io.tributary.connect.s3.metrics.ConnectMetricsBinding;
import io.tributary.connect.s3.metrics.MetricsRegistry;
import io.tributary.connect.s3.metrics.TaskMetrics;
import io.tributary.connect.s3.naming.ObjectKeys;
import io.tributary.connect.s3.rejected.RejectedRecordEncoder;
import io.tributary.connect.s3.spool.SpoolDirectory;
import io.tributary.connect.s3.storage.ObjectStore;
import io.tributary.connect.s3.storage.S3ObjectStore;
import io.tributary.connect.s3.writer.LakeWriter;
import io.tributary.connect.s3.writer.WriterSettings;
import io.tributary.registry.client.CachingSchemaRegistry;
import io.tributary.registry.client.HttpSchemaRegistry;
import io.tributary.registry.client.RegistryException;

/**
 * Connect's side of the sink, kept thin: converts records, hands them to the {@link LakeWriter}
 * and tells Connect what it may commit. Exactly-once rests on three things done here: seeking
 * each opened partition to its resume point in S3, committing to Kafka only what is durable in
 * S3, and discarding open files when partitions are taken away.
 */
public final class S3ParquetSinkTask extends SinkTask {
    private static final Logger LOG = LoggerFactory.getLogger(S3ParquetSinkTask.class);

    private ObjectStore store;
    private UploadPipeline uploads;
    private SinkRecordConverter converter;
    private LakeWriter writer;
    private BadRecordHandler badRecords;
    private Catalog catalog;
    private CatalogNotifier catalogNotifier;
    private TaskMetrics metrics;
    private ConnectMetricsBinding jmx;

    @Override
    public String version() {
        return Versions.connector();
    }

    @Override
    public void start(Map<String, String> props) {
        S3ParquetSinkConfig config = new S3ParquetSinkConfig(props);
        String connector = props.getOrDefault("name", "s3-sink");
        String task = props.getOrDefault(S3ParquetSinkConfig.TASK_ID, "0");
        String writerId = connector + "/task-" + task;
        store = S3ObjectStore.connect(config.s3Settings());
        uploads = config.uploadPipeline();
        ObjectKeys keys = config.objectKeys();
        FileFormat format = config.fileFormat();
        WriterSettings settings = config.writerSettings(writerId);
        converter = new SinkRecordConverter(wireFormatDecoder(config), config.archive() ? new ArchiveRecordEncoder() : null,
                config.rejected() ? new RejectedRecordEncoder() : null);
        SpoolDirectory spools = new SpoolDirectory(config.spoolDirectory(connector, task));
        spools.clean();
        catalog = config.catalog(props);
        catalogNotifier = new CatalogNotifier(catalog, keys, config.bucket(), format.extension());
        CheckpointStore checkpoints = new CheckpointStore(store, keys);
        LakeWriter[] self = new LakeWriter[1];
        metrics = new TaskMetrics(connector, task, () -> self[0].openFiles(), () -> self[0].bufferedBytes(),
                () -> self[0].spilledBytes());
        writer = new LakeWriter(settings, new LakeResumePointFinder(store, keys, format, checkpoints, settings.layout(), writerId),
                new FileCommitter(store, format, config.bucket(), uploads), checkpoints, keys, spools, file -> {
                    metrics.committed(file);
                    catalogNotifier.committed(file);
                }, System::currentTimeMillis);
        self[0] = writer;
        MetricsRegistry.register(metrics);
        jmx = bindJmx();
        ErrantRecordReporter deadLetters = S3ParquetSinkConfig.deadLetterQueueEnabled(props) ? reporter() : null;
        badRecords = new BadRecordHandler(deadLetters, metrics::recordRejected);
        LOG.info("S3 sink task {} started: bucket {}, format {}, layout {}, spool {}", writerId, config.bucket(), format.extension(),
                settings.layout(), spools.path());
    }

    /** Reads wire-format values with the registry's schemas; null when no registry is configured (Structs, archives). */
    private static ValueDecoder wireFormatDecoder(S3ParquetSinkConfig config) {
        return config.schemaRegistryUrl().map(url -> (ValueDecoder) new WireFormatValueDecoder(
                new CachingSchemaRegistry(new HttpSchemaRegistry(url, config.schemaRegistryUserInfo(), Duration.ofSeconds(30))),
                new RoutingProjection(config.routingFields()))).orElse(null);
    }

    private ConnectMetricsBinding bindJmx() {
        try {
            return new ConnectMetricsBinding(context.pluginMetrics(), metrics);
        } catch (NoSuchMethodError | UnsupportedOperationException | NullPointerException e) {
            LOG.info("This worker offers no plugin metrics (Kafka before 4.1); metrics only at /tributary/metrics");
            return null;
        }
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
                writer.write(converter.convert(record));
            } catch (BadRecordException e) {
                badRecords.handle(record, e);
                writer.skip(record.topic(), record.kafkaPartition(), record.kafkaOffset());
            } catch (RegistryException e) {
                // Records already buffered are skipped when Connect delivers the batch again.
                throw new RetriableException("Schema registry unavailable at topic " + record.topic() + " partition "
                        + record.kafkaPartition() + " offset " + record.kafkaOffset() + ": " + e.getMessage(), e);
            } catch (ConnectException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ConnectException("Writing the record at topic " + record.topic() + " partition " + record.kafkaPartition()
                        + " offset " + record.kafkaOffset() + " failed: " + e.getMessage(), e);
            }
        }
        tick();
    }

    private void tick() {
        try {
            writer.tick();
            catalogNotifier.retryPending();
        } catch (RuntimeException e) {
            throw new ConnectException(e.getMessage(), e);
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        tick();
        try {
            // Files still uploading hold the committed offsets back: let them land first.
            writer.awaitCommits();
            writer.checkpointProgress();
        } catch (RuntimeException e) {
            throw new ConnectException(e.getMessage(), e);
        }
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
        if (metrics != null) {
            MetricsRegistry.unregister(metrics);
        }
        if (jmx != null) {
            jmx.close();
        }
        if (catalog != null) {
            try {
                catalog.close();
            } catch (RuntimeException e) {
                LOG.warn("Catalog did not close cleanly: {}", e.getMessage());
            }
        }
        if (uploads != null) {
            uploads.close();
        }
        if (store != null) {
            store.close();
        }
        LOG.info("S3 sink task stopped");
    }
}
