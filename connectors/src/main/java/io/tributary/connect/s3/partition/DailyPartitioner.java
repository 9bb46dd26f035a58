package io.tributary.connect.s3.partition;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.apache.avro.generic.GenericRecord;

/** {@code dt=YYYY-MM-DD} of the event time in the configured time zone, Hive-style for Athena. */
public final class DailyPartitioner implements Partitioner {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private final ZoneId zone;

    public DailyPartitioner(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String partitionPath(long eventTimeMillis, GenericRecord value) {
        return "dt=" + DAY.format(Instant.ofEpochMilli(eventTimeMillis).atZone(zone));
    }
}
