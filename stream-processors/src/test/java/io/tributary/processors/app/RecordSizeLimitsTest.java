package io.tributary.processors.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.tributary.processors.topology.ValidatorLimits;
import io.tributary.topics.StageTopicPolicy;

/**
 * One policy for large records across modules: landing topics take more than the validator
 * accepts, so a too-large record lands and is rejected (TOO_LARGE) instead of being refused; the
 * validator's producer and internal topics take its rejected copy.
 */
class RecordSizeLimitsTest {

    @Test
    void theValidatorsClientsTakeWhatTheRejectedTopicsTake() throws IOException {
        Properties app = new Properties();
        try (InputStream in = RecordSizeLimitsTest.class.getResourceAsStream("/application.properties")) {
            app.load(in);
        }
        String rejectedMax = Integer.toString(StageTopicPolicy.REJECTED_MAX_MESSAGE_BYTES);
        assertThat(app.getProperty("kafka-streams.producer.max.request.size")).isEqualTo(rejectedMax);
        assertThat(app.getProperty("kafka-streams.topic.max.message.bytes")).isEqualTo(rejectedMax);
        assertThat(ValidatorLimits.DEFAULTS.maxRecordBytes()).isLessThan(StageTopicPolicy.LANDING_MAX_MESSAGE_BYTES);
    }
}
