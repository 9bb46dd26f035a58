package io.tributary.connect.s3.partition;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.apache.avro.generic.GenericRecord;

/**
 * {@code dt=YYYY-MM-DD} (daily) or {@code dt=YYYY-MM-DD/hr=HH} (hourly) of the event time in
 * the configured time zone, Hive-style for Athena. A late record simply lands in the folder of
 * its own time; the files of other folders are not touched by it.
 */
public final class TimePartitioner implements Partitioner {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private final Granularity granularity;
    private final ZoneId zone;
    /** The last folder and the time range it covers: consecutive records mostly share it. */
    private long cachedFrom = Long.MAX_VALUE;
    private long cachedUntil = Long.MIN_VALUE;
    private String cachedPath;

    public TimePartitioner(Granularity granularity, ZoneId zone) {
        this.granularity = granularity;
        this.zone = zone;
    }

    @Override
    public String partitionPath(long eventTimeMillis, GenericRecord routing) {
        if (eventTimeMillis >= cachedFrom && eventTimeMillis < cachedUntil) {
            return cachedPath;
        }
        ZonedDateTime time = Instant.ofEpochMilli(eventTimeMillis).atZone(zone);
        ZonedDateTime start = granularity == Granularity.DAILY ? time.toLocalDate().atStartOfDay(zone)
                : time.truncatedTo(ChronoUnit.HOURS);
        ZonedDateTime end = granularity == Granularity.DAILY ? time.toLocalDate().plusDays(1).atStartOfDay(zone)
                : start.plusHours(1);
        String day = "dt=" + DAY.format(time);
        cachedPath = granularity == Granularity.DAILY ? day : day + "/hr=" + (time.getHour() < 10 ? "0" : "") + time.getHour();
        cachedFrom = start.toInstant().toEpochMilli();
        cachedUntil = end.toInstant().toEpochMilli();
        return cachedPath;
    }

    @Override
    public String describe() {
        return "time:" + granularity.id() + ":" + zone.getId();
    }
}
