package io.tributary.connect.s3;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.s3.errors.BadRecordException;
import io.tributary.model.RejectHeaderNames;

/**
 * A record the sink cannot land is never dropped silently: it goes to Connect's dead-letter
 * queue when one is configured (Connect then commits its offset only once the queue has it),
 * otherwise the task fails, naming the record. The queued copy carries the platform's reject
 * headers ({@code tributary.reject.*}, {@code tributary.source.*}) whatever
 * {@code errors.deadletterqueue.context.headers.enable} says.
 */
final class BadRecordHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BadRecordHandler.class);

    private final ErrantRecordReporter reporter;
    private final Runnable onRejected;

    /** @param reporter Connect's reporter, or null when there is no dead-letter queue */
    BadRecordHandler(ErrantRecordReporter reporter, Runnable onRejected) {
        this.reporter = reporter;
        this.onRejected = onRejected;
    }

    void handle(SinkRecord record, BadRecordException problem) {
        String where = "topic " + record.topic() + " partition " + record.kafkaPartition() + " offset " + record.kafkaOffset();
        String message = "Cannot land the record at " + where + ": " + problem.getMessage();
        if (reporter == null) {
            throw new ConnectException(message + " [" + problem.reason() + "]. Set errors.tolerance=all and"
                    + " errors.deadletterqueue.topic.name to send such records to a dead-letter queue instead of stopping.", problem);
        }
        reporter.report(withReasonHeaders(record, problem), new DataException(message, problem));
        onRejected.run();
        LOG.warn("Record at {} sent to the dead-letter queue [{}{}]: {}", where, problem.reason(),
                problem.field().isEmpty() ? "" : " field " + problem.field(), problem.getMessage());
    }

    /**
     * A copy of the record with the reason added as headers. A plain {@link SinkRecord} (not the
     * worker's internal one) makes Connect send these headers along with the original key and
     * value, which its converters turn back into the same bytes.
     */
    private static SinkRecord withReasonHeaders(SinkRecord record, BadRecordException problem) {
        Headers headers = record.headers().duplicate();
        for (String name : RejectHeaderNames.REJECTION) {
            headers.remove(name); // a record that was rejected once before carries stale ones
        }
        headers.addString(RejectHeaderNames.REASON, problem.reason().name());
        headers.addString(RejectHeaderNames.FIELD, problem.field());
        headers.addString(RejectHeaderNames.MESSAGE, truncate(problem.getMessage()));
        headers.addString(RejectHeaderNames.SOURCE_TOPIC, record.topic());
        headers.addString(RejectHeaderNames.SOURCE_PARTITION, String.valueOf(record.kafkaPartition()));
        headers.addString(RejectHeaderNames.SOURCE_OFFSET, String.valueOf(record.kafkaOffset()));
        return new SinkRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), record.valueSchema(),
                record.value(), record.kafkaOffset(), record.timestamp(), record.timestampType(), headers);
    }

    private static String truncate(String message) {
        String text = message == null ? "" : message;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= 4000 ? text : new String(bytes, 0, 4000, StandardCharsets.UTF_8) + "…";
    }
}
