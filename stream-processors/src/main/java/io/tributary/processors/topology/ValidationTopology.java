package io.tributary.processors.topology;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.common.utils.Utils;

import io.tributary.model.DatasetSpec;
import io.tributary.model.PlatformTopics;
import io.tributary.model.Stage;
import io.tributary.model.ValidationMode;
import io.tributary.processors.batch.BatchEnvelope;
import io.tributary.processors.batch.Outgoing;

/**
 * The zone validator's Kafka Streams topology. For each dataset in record mode:
 *
 * <pre>
 * &lt;zone&gt;.landing.&lt;dataset&gt; (bytes)
 *   → validate (parse, convert, rules, encode)
 *   → split: accepted → staging record (key field as key, wire format, source headers) → &lt;zone&gt;.staging.&lt;dataset&gt;
 *            rejected → original key and value + reason headers                        → &lt;zone&gt;.rejected.&lt;dataset&gt;
 * </pre>
 *
 * In batch mode, records first go through a repartition topic keyed by batch id (so that a batch
 * spread over landing partitions meets in one task), then to the {@link BatchAssembler}, which
 * holds them until the batch is decided and writes staging, rejected and the batch report on
 * the zone's {@code _tributary.<zone>.batches}. Records without a batch id are rejected before the hop.
 *
 * Every record ends in exactly one of the two topics; a bad record never stops the pipeline, and
 * bytes in means no deserialisation can fail before validation.
 */
public final class ValidationTopology {
    /** Rejections logged per dataset and minute; the rest are counted only. */
    static final int REJECTIONS_LOGGED_PER_MINUTE = 20;

    private ValidationTopology() {
    }

    /**
     * @param validators one per dataset of the zone, each with its current contract; batch reports go to the zone's
     *                   {@link PlatformTopics#batches(String) batches topic}
     */
    public static Topology build(String zone, List<DatasetValidator> validators, ValidationMetrics metrics) {
        if (validators.isEmpty()) {
            throw new IllegalArgumentException("zone " + zone + " has no dataset to validate");
        }
        StreamsBuilder builder = new StreamsBuilder();
        for (DatasetValidator validator : validators) {
            if (validator.dataset().validationMode() == ValidationMode.BATCH) {
                addBatchDataset(builder, zone, validator, metrics, PlatformTopics.batches(zone));
            } else {
                addRecordDataset(builder, zone, validator, metrics);
            }
        }
        return builder.build();
    }

    /** The internal topics and stores of a batch dataset are named after it: {@code <dataset>-batch-records}, … */
    public static Set<String> storeNames(DatasetSpec dataset) {
        return Set.of(dataset.name() + "-batch-records", dataset.name() + "-batch-state");
    }

    private static void addRecordDataset(StreamsBuilder builder, String zone, DatasetValidator validator, ValidationMetrics metrics) {
        DatasetSpec dataset = validator.dataset();
        String name = dataset.name();
        String staging = dataset.topic(zone, Stage.STAGING).toString();
        String rejected = dataset.topic(zone, Stage.REJECTED).toString();
        RejectLog rejectLog = new RejectLog(rejected, REJECTIONS_LOGGED_PER_MINUTE);

        read(builder, zone, dataset)
                .processValues(() -> new ValidateRecord(validator, metrics, rejectLog), Named.as("validate-" + name))
                .split(Named.as("route-" + name + "-"))
                .branch((key, verdict) -> verdict.accepted(), Branched.<byte[], Verdict>withConsumer(valid -> valid
                        .process(ToStagingRecord::new, Named.as("to-staging-record-" + name))
                        .to(staging, bytesTo(staging)), "valid"))
                .defaultBranch(Branched.<byte[], Verdict>withConsumer(invalid -> invalid
                        .processValues(ToRejectedRecord::new, Named.as("to-rejected-record-" + name))
                        .to(rejected, bytesTo(rejected)), "rejected"));
    }

    private static void addBatchDataset(StreamsBuilder builder, String zone, DatasetValidator validator, ValidationMetrics metrics,
            String batchesTopic) {
        DatasetSpec dataset = validator.dataset();
        String name = dataset.name();
        String staging = dataset.topic(zone, Stage.STAGING).toString();
        String rejected = dataset.topic(zone, Stage.REJECTED).toString();
        RejectLog rejectLog = new RejectLog(rejected, REJECTIONS_LOGGED_PER_MINUTE);
        String recordStore = name + "-batch-records";
        String stateStore = name + "-batch-state";
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(recordStore), Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(stateStore), Serdes.String(), Serdes.ByteArray()));

        KStream<byte[], BatchEnvelope> admitted = read(builder, zone, dataset)
                .processValues(AdmitToBatch::new, Named.as("admit-" + name));
        admitted.filter((key, e) -> e.batchId() == null, Named.as("without-batch-" + name))
                .processValues(() -> new AdmissionRejected(name, metrics, rejectLog), Named.as("reject-unbatched-" + name))
                .to(rejected, bytesTo(rejected).withName("write-unbatched-" + rejected));
        admitted.filter((key, e) -> e.batchId() != null, Named.as("with-batch-" + name))
                // The repartition hop drops records without a key, and files and HTTP batches land unkeyed: an empty key
                // stands for none across the hop (the assembler turns it back into null).
                .selectKey((key, e) -> key == null ? NO_KEY : key, Named.as("keep-unkeyed-" + name))
                .repartition(Repartitioned.<byte[], BatchEnvelope>as(name + "-batches")
                        .withKeySerde(Serdes.ByteArray()).withValueSerde(BatchEnvelope.serde())
                        .withStreamPartitioner(byBatchId()))
                .process(() -> new BatchAssembler(zone, validator, metrics, recordStore, stateStore), Named.as("assemble-" + name),
                        recordStore, stateStore)
                .split(Named.as("route-batch-" + name + "-"))
                .branch((key, out) -> out.destination() == Outgoing.Destination.STAGING, Branched.withConsumer(s -> s
                        .mapValues(Outgoing::value, Named.as("staging-value-" + name)).to(staging, bytesTo(staging)), "staging"))
                .branch((key, out) -> out.destination() == Outgoing.Destination.REJECTED, Branched.withConsumer(r -> r
                        .mapValues(Outgoing::value, Named.as("rejected-value-" + name)).to(rejected, bytesTo(rejected)), "rejected"))
                .defaultBranch(Branched.withConsumer(report -> report
                        .mapValues(Outgoing::value, Named.as("report-value-" + name))
                        .to(batchesTopic, bytesTo(batchesTopic).withName("write-report-" + name)), "report"));
    }

    private static final byte[] NO_KEY = new byte[0];

    /** The landing key a record had before the batch hop: null for the empty key that stood for none. */
    static byte[] landingKey(byte[] key) {
        return key == null || key.length == 0 ? null : key;
    }

    private static KStream<byte[], byte[]> read(StreamsBuilder builder, String zone, DatasetSpec dataset) {
        String landing = dataset.topic(zone, Stage.LANDING).toString();
        return builder.stream(landing, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-" + landing));
    }

    /** All records of a batch to one partition of the repartition topic, whatever their landing key. */
    private static StreamPartitioner<byte[], BatchEnvelope> byBatchId() {
        return new StreamPartitioner<>() {
            @Override
            public Optional<Set<Integer>> partitions(String topic, byte[] key, BatchEnvelope value, int numPartitions) {
                int hash = Utils.toPositive(Utils.murmur2(value.batchId().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                return Optional.of(Set.of(hash % numPartitions));
            }
        };
    }

    private static Produced<byte[], byte[]> bytesTo(String topic) {
        return Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("write-" + topic);
    }
}
