package io.tributary.connect.s3;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.s3.decode.BadRecordException;

/**
 * A record the sink cannot land is never dropped silently: it goes to Connect's dead-letter
 * queue when one is configured (Connect then commits its offset only once the queue has it),
 * otherwise the task fails, naming the record.
 */
final class BadRecordHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BadRecordHandler.class);

    private final ErrantRecordReporter reporter;

    /** @param reporter Connect's reporter, or null when there is no dead-letter queue */
    BadRecordHandler(ErrantRecordReporter reporter) {
        this.reporter = reporter;
    }

    void handle(SinkRecord record, BadRecordException problem) {
        String where = "topic " + record.topic() + " partition " + record.kafkaPartition() + " offset " + record.kafkaOffset();
        if (reporter == null) {
            throw new ConnectException("Cannot land the record at " + where + ": " + problem.getMessage()
                    + ". Set errors.tolerance=all and errors.deadletterqueue.topic.name to send such records to a"
                    + " dead-letter queue instead of stopping.", problem);
        }
        reporter.report(record, new DataException("Cannot land the record at " + where + ": " + problem.getMessage(), problem));
        LOG.warn("Record at {} sent to the dead-letter queue: {}", where, problem.getMessage());
    }
}
