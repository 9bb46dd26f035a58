package io.tributary.processors.ods;

import org.apache.kafka.streams.processor.api.ProcessorContext;

/** The latest version and priority written per business key, as {@link UpsertLatest} decides with it. */
interface VersionIndex {

    /**
     * Records {@code version}/{@code priority} for {@code key} if it is newer than what the key has: a
     * greater version, or an equal version from a source of higher priority.
     *
     * @return whether it was newer (the record is to be written)
     */
    boolean advance(byte[] key, long version, int priority);

    static boolean newer(long version, int priority, long currentVersion, int currentPriority) {
        return version > currentVersion || version == currentVersion && priority > currentPriority;
    }

    /** Opens a task's index when its processor is initialised (again after a dirty close). */
    @FunctionalInterface
    interface Opener {
        VersionIndex open(ProcessorContext<?, ?> context);
    }
}
