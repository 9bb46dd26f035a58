package io.tributary.processors.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;

import io.tributary.model.BatchSettings;
import io.tributary.processors.topology.RejectHeaders;
import io.tributary.processors.topology.Verdict;
import io.tributary.processors.validation.RejectReason;
import io.tributary.processors.validation.ValidationOutcome;

/**
 * Decides a batch as a whole, once it is complete or can no longer be: promoted (its good records
 * to staging) when no record failed a {@code fail-batch} rule and at most
 * {@code batch.maxRejectedRecords} were rejected, else rejected whole: each record to rejected,
 * with its own reason if it failed, or the batch's reason ({@code BATCH_REJECTED},
 * {@code BATCH_TIMEOUT}, {@code BATCH_TOO_LARGE}) if it did not. Plain Java: the topology and
 * replays both use it.
 */
public final class BatchDecision {
    /** Why a batch is being decided. */
    public enum Cause {
        /** Its end marker arrived and so did every record it announced. */
        COMPLETE,
        /** It did not complete within the timeout. */
        TIMEOUT,
        /** It grew beyond {@code batch.maxRecords}. */
        TOO_LARGE,
        /** Its end marker announced fewer records than arrived. */
        COUNT_MISMATCH
    }

    /** What a decision writes: the records and the batch report. */
    public record Result(boolean promoted, List<Outgoing> records, BatchReport report) {
    }

    private final String zone;
    private final String dataset;
    private final BatchSettings settings;

    public BatchDecision(String zone, String dataset, BatchSettings settings) {
        this.zone = zone;
        this.dataset = dataset;
        this.settings = settings;
    }

    public Result decide(String batchId, List<PendingRecord> records, BatchState state, Cause cause, long now) {
        int rejected = (int) records.stream().filter(r -> !r.verdict().accepted()).count();
        boolean failsBatch = records.stream().anyMatch(r -> r.verdict() instanceof Verdict.Rejected x && x.failsBatch());
        boolean promoted = cause == Cause.COMPLETE && !failsBatch && rejected <= settings.maxRejectedRecords();
        String reasonCode = reasonCode(cause, failsBatch, promoted);
        String message = message(batchId, records, state, cause, failsBatch, rejected, promoted);
        RejectReason batchReason = switch (cause) {
            case TIMEOUT -> RejectReason.BATCH_TIMEOUT;
            case TOO_LARGE -> RejectReason.BATCH_TOO_LARGE;
            default -> RejectReason.BATCH_REJECTED;
        };
        List<Outgoing> out = new ArrayList<>(records.size() + 1);
        for (PendingRecord r : records) {
            if (r.verdict() instanceof Verdict.Accepted accepted && promoted) {
                out.add(new Outgoing(Outgoing.Destination.STAGING, accepted.key(), accepted.value(), r.timestamp(),
                        RejectHeaders.staging(r.headers(), r.sourceTopic(), r.sourcePartition(), r.sourceOffset(), accepted.warnings()),
                        null));
            } else {
                ValidationOutcome.Rejected why = r.verdict() instanceof Verdict.Rejected own ? own.why()
                        : ValidationOutcome.rejected(batchReason, "", message);
                out.add(new Outgoing(Outgoing.Destination.REJECTED, r.key(), r.value(), r.timestamp(),
                        RejectHeaders.rejection(r.headers(), why, r.sourceTopic(), r.sourcePartition(), r.sourceOffset()), why.reason()));
            }
        }
        BatchReport report = BatchReport.of(zone, dataset, batchId, promoted, reasonCode, message, records, state, now);
        out.add(new Outgoing(Outgoing.Destination.REPORT, report.key(), report.toJson(), now, new RecordHeaders(), null));
        return new Result(promoted, out, report);
    }

    private static String reasonCode(Cause cause, boolean failsBatch, boolean promoted) {
        if (promoted) {
            return "";
        }
        return switch (cause) {
            case COMPLETE -> failsBatch ? "FAIL_BATCH_RULE" : "RECORDS_REJECTED";
            case TIMEOUT -> "TIMEOUT";
            case TOO_LARGE -> "TOO_LARGE";
            case COUNT_MISMATCH -> "COUNT_MISMATCH";
        };
    }

    private String message(String batchId, List<PendingRecord> records, BatchState state, Cause cause, boolean failsBatch,
            int rejected, boolean promoted) {
        String batch = "batch " + batchId + " of " + zone + "." + dataset;
        return switch (cause) {
            case COMPLETE -> {
                if (promoted) {
                    yield batch + " promoted: " + (records.size() - rejected) + " of " + records.size() + " records to staging";
                }
                PendingRecord first = records.stream().filter(r -> r.verdict() instanceof Verdict.Rejected x
                        && (x.failsBatch() || !failsBatch)).findFirst().orElseThrow();
                yield batch + " rejected: " + (failsBatch ? "a fail-batch rule failed" : rejected + " of " + records.size()
                        + " records failed (at most " + settings.maxRejectedRecords() + " may)") + "; first: " + first.sourceTopic() + "-"
                        + first.sourcePartition() + "@" + first.sourceOffset() + " " + ((Verdict.Rejected) first.verdict()).why();
            }
            case TIMEOUT -> batch + " did not complete within " + human(settings.timeout()) + ": " + state.received() + " records arrived"
                    + (state.endSeen() ? " of the " + state.expected() + " its end marker announced" : ", no end marker ("
                    + io.tributary.model.RejectHeaderNames.BATCH_END + ")");
            case TOO_LARGE -> batch + " has more than " + settings.maxRecords() + " records (batch.maxRecords)";
            case COUNT_MISMATCH -> batch + "'s end marker announced " + state.expected() + " records but " + state.received() + " arrived";
        };
    }

    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
