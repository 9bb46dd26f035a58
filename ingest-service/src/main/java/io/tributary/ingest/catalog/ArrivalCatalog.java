package io.tributary.ingest.catalog;

/** Where the service records that a batch arrived (the arrival catalogue: the zone's {@code _tributary.<zone>.batches}). */
public interface ArrivalCatalog {
    /** For services and tests that keep no catalogue. */
    ArrivalCatalog NONE = arrival -> true;

    /**
     * Records one arrival; blocks until it is acknowledged or has failed.
     *
     * @return whether it was recorded (a failure is logged by the catalogue: the records have landed regardless)
     */
    boolean record(BatchArrival arrival);
}
