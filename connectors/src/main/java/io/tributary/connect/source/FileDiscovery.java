package io.tributary.connect.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.source.discovery.IngressKey;
import io.tributary.connect.source.discovery.NotificationListener;
import io.tributary.connect.source.store.IngressObject;
import io.tributary.connect.source.store.IngressStore;

/**
 * Finds the files to ingest: announced by S3 event notifications, or found by listing the
 * watched prefixes (when the task starts and every listing interval). Each version of a file
 * (key and entity tag) is handed out once per task run; whether it was ingested before is the
 * task's question (its source offsets).
 */
final class FileDiscovery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileDiscovery.class);

    private final IngressStore store;
    private final String bucket;
    private final List<String> zones;
    private final Optional<NotificationListener> notifications;
    private final Duration listingInterval;
    private final Clock clock;
    private final Map<String, IngressObject> pending = new LinkedHashMap<>();
    private final Set<String> ignoredKeys = new HashSet<>();
    /** Versions listed before, so that a listing logs only what is new. */
    private final Set<String> seen = new HashSet<>();
    private Instant lastListing;

    FileDiscovery(IngressStore store, String bucket, List<String> zones, Optional<NotificationListener> notifications,
            Duration listingInterval, Clock clock) {
        this.store = store;
        this.bucket = bucket;
        this.zones = List.copyOf(zones);
        this.notifications = notifications;
        this.listingInterval = listingInterval;
        this.clock = clock;
    }

    /** The next file to look at, waiting up to {@code wait} for a notification when there is none. */
    Optional<IngressObject> next(Duration wait) {
        if (listingDue()) {
            list();
        }
        notifications.ifPresent(n -> n.poll(pending.isEmpty() ? wait : Duration.ZERO).forEach(this::announced));
        if (pending.isEmpty()) {
            if (notifications.isEmpty()) {
                sleep(wait);
            }
            return Optional.empty();
        }
        String first = pending.keySet().iterator().next();
        return Optional.of(pending.remove(first));
    }

    private boolean listingDue() {
        Instant now = clock.instant();
        return lastListing == null || (!listingInterval.isZero() && !now.isBefore(lastListing.plus(listingInterval)));
    }

    private void list() {
        lastListing = clock.instant();
        List<IngressObject> found = new ArrayList<>();
        for (String zone : zones) {
            found.addAll(store.list(zone + "/"));
        }
        found.sort(Comparator.comparing(IngressObject::lastModified, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(IngressObject::key));
        long unseen = found.stream().filter(o -> add(o) && seen.add(o.key() + "@" + o.eTag())).count();
        if (unseen > 0) {
            LOG.info("Listing s3://{}/ under {} found {} new file(s)", bucket, zones, unseen);
        }
    }

    /** A notification tells that an object was created; its current version is looked up (it may be gone or replaced). */
    private void announced(IngressObject object) {
        if (!watched(object.key())) {
            return;
        }
        store.head(object.key()).ifPresentOrElse(this::add,
                () -> LOG.info("s3://{}/{} was announced but is gone (already moved?)", bucket, object.key()));
    }

    private boolean watched(String key) {
        int slash = key.indexOf('/');
        return slash > 0 && zones.contains(key.substring(0, slash));
    }

    /** Queues a file to look at; false if it is not one to ingest (outside a dataset folder, hidden). */
    private boolean add(IngressObject object) {
        Optional<IngressKey> key = IngressKey.parse(object.key());
        if (key.isEmpty() || key.get().hidden()) {
            if (key.isEmpty() && !object.key().endsWith("/") && ignoredKeys.add(object.key())) {
                LOG.warn("Ignored s3://{}/{}: files are ingested from <zone>/<dataset>/ folders (lower-case names)", bucket, object.key());
            }
            return false;
        }
        pending.putIfAbsent(object.key() + "@" + object.eTag(), object);
        return true;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        notifications.ifPresent(NotificationListener::close);
    }
}
