package io.tributary.processors.app;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure that is not a record's fault (the registry unreachable while a writer schema is
 * needed, a broker problem) aborts the transaction and replaces the stream thread: the records are
 * processed again from the last commit, so nothing is lost and nothing is written twice.
 * Bad records never get here; they are rejected.
 */
@ApplicationScoped
public class ReplaceThreadOnError implements StreamsUncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ReplaceThreadOnError.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        LOG.error("A stream thread failed; replacing it, its records are processed again from the last commit: {}", exception.toString());
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
