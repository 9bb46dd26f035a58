package io.tributary.processors.ods;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads a whole topic once: every record from the beginning up to the end offsets as of the call. */
@FunctionalInterface
interface OdsTopicReader {
    void readAll(String topic, Map<String, Object> consumerConfig, Consumer<ConsumerRecord<byte[], byte[]>> each);
}
