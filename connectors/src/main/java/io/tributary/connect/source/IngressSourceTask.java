package io.tributary.connect.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.s3.Versions;
import io.tributary.connect.source.discovery.IngressKey;
import io.tributary.connect.source.discovery.LandingTopics;
import io.tributary.connect.source.discovery.NotificationListener;
import io.tributary.connect.source.format.BadFileException;
import io.tributary.connect.source.format.BadFileReason;
import io.tributary.connect.source.format.FileFormat;
import io.tributary.connect.source.format.ReaderSettings;
import io.tributary.connect.source.format.RowReader;
import io.tributary.connect.source.format.RowReaders;
import io.tributary.connect.source.store.IngressObject;
import io.tributary.connect.source.store.IngressStore;
import io.tributary.connect.source.store.S3IngressStore;

/**
 * Ingests the files of its zones one at a time: find one ({@link FileDiscovery}), skip it if its
 * source offset says it is done, copy it locally, read it once to check it and count its rows
 * (a bad file is rejected before any row is landed), then hand its rows to Connect, a poll at a
 * time, followed by its arrival record; with exactly-once on, the transaction is committed there.
 */
public final class IngressSourceTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(IngressSourceTask.class);
    private static final Duration IDLE_WAIT = Duration.ofMillis(500);

    private IngressSourceConfig config;
    private IngressStore store;
    private FileDiscovery discovery;
    private ProcessedFiles processed;
    private CatalogRecords catalog;
    private ReaderSettings readerSettings;
    private Path spool;
    private final Set<String> doneThisRun = new HashSet<>();
    private Optional<LandingTopics> landingTopics = Optional.empty();
    private FileIngestion current;
    private List<SourceRecord> pendingRejection;

    @Override
    public String version() {
        return Versions.connector();
    }

    @Override
    public void start(Map<String, String> props) {
        start(props, null);
    }

    /** Starts over the given store (tests, benchmarks), or the configured bucket when it is null. */
    public void start(Map<String, String> props, IngressStore ingressStore) {
        config = new IngressSourceConfig(props);
        store = ingressStore != null ? ingressStore : S3IngressStore.connect(config.s3());
        readerSettings = config.readerSettings();
        catalog = new CatalogRecords();
        processed = new ProcessedFiles(store, config.bucket(), config.processedAction(), config.processedPrefix(), config.rejectedPrefix());
        try {
            Files.createDirectories(config.spoolDir());
            spool = Files.createTempDirectory(config.spoolDir(), "tributary-ingress-");
        } catch (IOException e) {
            throw new ConnectException("Cannot create a spool folder under " + config.spoolDir() + " (" + IngressSourceConfig.SPOOL_DIR
                    + "): " + e.getMessage(), e);
        }
        landingTopics = config.landingAdmin().map(settings -> new LandingTopics(settings, Clock.systemUTC()));
        Optional<NotificationListener> notifications = config.notificationTopic()
                .map(topic -> new NotificationListener(topic, config.bucket(), config.notificationConsumer()));
        discovery = new FileDiscovery(store, config.bucket(), config.taskZones(), notifications, config.listingInterval(), Clock.systemUTC());
        LOG.info("Ingress source watching s3://{}/ zones {} ({}listing every {} s; processed files: {})", config.bucket(),
                config.taskZones(), notifications.isPresent() ? "notifications on " + config.notificationTopic().get() + ", " : "",
                config.listingInterval().toSeconds(), config.processedAction().name().toLowerCase(Locale.ROOT));
    }

    /** Synchronized with {@link #stop()}: Connect stops a task from another thread, and the readers and consumer are not thread-safe. */
    @Override
    public synchronized List<SourceRecord> poll() {
        processed.apply();
        if (current == null && pendingRejection == null) {
            openNext();
        }
        if (pendingRejection != null) {
            List<SourceRecord> records = pendingRejection;
            pendingRejection = null;
            commitTransactionAfter(records.get(records.size() - 1));
            return records;
        }
        if (current == null) {
            return null;
        }
        try {
            List<SourceRecord> records = current.next(config.rowsPerPoll());
            if (current.finished()) {
                FileFacts file = current.file();
                LOG.info("{} (ETag {}, {} bytes, {}): {} row(s) sent to {} as batch {}", file.source(), file.object().eTag(),
                        file.object().size(), file.format(), current.totalRows(), file.key().landingTopic(), file.batchId());
                commitTransactionAfter(records.get(records.size() - 1));
                doneThisRun.add(doneKey(file.object()));
                closeCurrent();
            }
            return records;
        } catch (IOException | BadFileException e) {
            // The copy was read whole a moment ago: failing now is the machine's fault, not the file's.
            throw new ConnectException("Cannot read the local copy of " + current.file().source() + " after row " + current.position()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Finds the next file to ingest and opens it ({@code current}), or queues its rejection; false when there is none now. */
    private boolean openNext() {
        Optional<IngressObject> candidate = discovery.next(IDLE_WAIT);
        if (candidate.isEmpty()) {
            return false;
        }
        IngressObject object = candidate.get();
        if (doneThisRun.contains(doneKey(object))) {
            if (config.processedAction() == IngressSourceConfig.ProcessedAction.MOVE) {
                // Still (or again) in the watched folder: the same file dropped twice, or a move that failed.
                LOG.info("s3://{}/{} (ETag {}) was ingested before; moving it out of the way again", config.bucket(), object.key(),
                        object.eTag());
                IngressKey key = IngressKey.parse(object.key()).orElseThrow();
                FileOffsets stored = FileOffsets.fromMap(context.offsetStorageReader().offset(FileOffsets.partition(config.bucket(), object)));
                processed.apply(new ProcessedFiles.Done(object.key(), stored.outcome(), key.batchId(object.eTag())));
            }
            return false;
        }
        Map<String, Object> partition = FileOffsets.partition(config.bucket(), object);
        FileOffsets stored = FileOffsets.fromMap(context.offsetStorageReader().offset(partition));
        if (stored.done()) {
            LOG.info("s3://{}/{} (ETag {}) was ingested before ({}); not again", config.bucket(), object.key(), object.eTag(),
                    stored.outcome().toLowerCase(Locale.ROOT));
            doneThisRun.add(doneKey(object));
            IngressKey key = IngressKey.parse(object.key()).orElseThrow();
            processed.apply(new ProcessedFiles.Done(object.key(), stored.outcome(), key.batchId(object.eTag())));
            return false;
        }
        IngressKey key = IngressKey.parse(object.key()).orElseThrow();
        Optional<FileFormat> format = FileFormat.of(object.key());
        Path copy = spool.resolve("current" + extension(object.key()));
        Instant openedAt = Instant.now();
        if (format.isEmpty()) {
            FileFacts file = new FileFacts(config.bucket(), object, key, "unknown", "", openedAt);
            reject(file, new BadFileException(BadFileReason.UNSUPPORTED_FORMAT, FileFormat.unsupported(object.key())), partition);
            return false;
        }
        if (landingTopics.isPresent() && !landingTopics.get().exists(key.landingTopic())) {
            FileFacts file = new FileFacts(config.bucket(), object, key, format.get().name().toLowerCase(Locale.ROOT), "", openedAt);
            reject(file, new BadFileException(BadFileReason.UNKNOWN_DATASET, "the landing topic " + key.landingTopic()
                    + " does not exist: is dataset " + key.dataset() + " declared in zone " + key.zone()
                    + "'s descriptor (and applied with `tributary zones apply`)?"), partition);
            return false;
        }
        if (!store.download(object.key(), object.eTag(), copy)) {
            LOG.info("s3://{}/{} (ETag {}) is gone or was replaced before it could be read; its new version, if any, comes next",
                    config.bucket(), object.key(), object.eTag());
            return false;
        }
        FileFacts file = new FileFacts(config.bucket(), object, key, format.get().name().toLowerCase(Locale.ROOT), sha256(copy), openedAt);
        RowReader reader = null;
        try {
            long rows = RowReaders.countRows(format.get(), copy, readerSettings);
            reader = RowReaders.open(format.get(), copy, readerSettings);
            if (stored.rows() > 0) {
                LOG.info("{} (ETag {}): resuming after row {} of {}", file.source(), object.eTag(), stored.rows(), rows);
            }
            current = new FileIngestion(file, reader, rows, Math.min(stored.rows(), rows), partition, catalog);
            return true;
        } catch (BadFileException e) {
            closeQuietly(reader);
            reject(file, e, partition);
            return false;
        } catch (IOException e) {
            closeQuietly(reader);
            throw new ConnectException("Cannot read the local copy " + copy + " of " + file.source() + ": " + e.getMessage(), e);
        }
    }

    private void reject(FileFacts file, BadFileException problem, Map<String, Object> partition) {
        LOG.warn("{} (ETag {}) rejected as batch {} of {}.{}: {} [{}]", file.source(), file.object().eTag(), file.batchId(),
                file.key().zone(), file.key().dataset(), problem.getMessage(), problem.reason());
        FileOffsets done = new FileOffsets(0, true, FileOffsets.REJECTED);
        pendingRejection = List.of(catalog.arrival(file, 0, FileOffsets.REJECTED, problem, partition, done),
                catalog.rejection(file, problem, partition, done));
        doneThisRun.add(doneKey(file.object()));
    }

    private void commitTransactionAfter(SourceRecord last) {
        TransactionContext transactions = context.transactionContext();
        if (transactions != null) {
            transactions.commitTransaction(last);
        }
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        FileOffsets offsets = FileOffsets.fromMap(castOffset(record.sourceOffset()));
        if (offsets.done() && isFinalRecord(record)) {
            String key = record.sourcePartition().get("key").toString();
            String eTag = record.sourcePartition().get("etag").toString();
            processed.committed(new ProcessedFiles.Done(key, offsets.outcome(),
                    IngressKey.parse(key).map(k -> k.batchId(eTag)).orElse(key + "@" + eTag)));
        }
    }

    /** The arrival record of an ingested file, or the report (the second record) of a rejected one. */
    private static boolean isFinalRecord(SourceRecord record) {
        String key = new String((byte[]) record.key(), java.nio.charset.StandardCharsets.UTF_8);
        boolean arrival = key.startsWith(io.tributary.connect.source.catalog.ArrivalRecord.KEY_PREFIX);
        return FileOffsets.INGESTED.equals(FileOffsets.fromMap(castOffset(record.sourceOffset())).outcome()) ? arrival : !arrival;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castOffset(Map<String, ?> offset) {
        return (Map<String, Object>) offset;
    }

    @Override
    public synchronized void stop() {
        closeCurrent();
        landingTopics.ifPresent(LandingTopics::close);
        if (discovery != null) {
            discovery.close();
        }
        if (store != null) {
            store.close();
        }
        deleteSpool();
    }

    private void closeCurrent() {
        if (current != null) {
            closeQuietly(current);
            current = null;
        }
    }

    private void deleteSpool() {
        if (spool == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(spool)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Could not delete the spool folder {}: {}", spool, e.getMessage());
        }
    }

    private static String doneKey(IngressObject object) {
        return object.key() + "@" + object.eTag();
    }

    private static String extension(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return "sha256:" + HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new ConnectException("Cannot read the local copy " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("Closing {} failed: {}", closeable, e.getMessage());
        }
    }
}
