package io.tributary.processors.topology;

import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import io.tributary.model.DatasetSpec;
import io.tributary.model.Stage;
import io.tributary.processors.validation.LandingParser;
import io.tributary.processors.validation.LandingParsers;

/**
 * The zone validator's Kafka Streams topology. For each dataset it reads:
 *
 * <pre>
 * &lt;zone&gt;.landing.&lt;dataset&gt; (bytes)
 *   → validate (parse, check against the schema, encode)
 *   → split: valid    → staging record (key field as key, Confluent wire format) → &lt;zone&gt;.staging.&lt;dataset&gt;
 *            rejected → original key and value + reason headers                   → &lt;zone&gt;.rejected.&lt;dataset&gt;
 * </pre>
 *
 * Every record ends in exactly one of the two topics; a bad record never stops the pipeline, and
 * bytes in means no deserialisation can fail before validation. Stateless: no stores, no
 * repartitioning.
 */
public final class ValidationTopology {
    /** Rejections logged per dataset and minute; the rest are counted only. */
    static final int REJECTIONS_LOGGED_PER_MINUTE = 20;

    private ValidationTopology() {
    }

    /**
     * @param stagingSchemaIds registry id of each validated dataset's schema under its staging subject
     */
    public static Topology build(ValidatorScope scope, Map<String, Integer> stagingSchemaIds, ValidationMetrics metrics) {
        if (scope.validated().isEmpty()) {
            throw new IllegalArgumentException("zone " + scope.zone().zone() + " has no dataset this validator can read"
                    + " (landing format json); datasets skipped: " + scope.skipped().stream().map(DatasetSpec::name).toList());
        }
        StreamsBuilder builder = new StreamsBuilder();
        for (DatasetSpec dataset : scope.validated()) {
            Integer schemaId = stagingSchemaIds.get(dataset.name());
            if (schemaId == null) {
                throw new IllegalArgumentException("no staging schema id for dataset " + dataset.name() + " of zone "
                        + scope.zone().zone());
            }
            LandingParser parser = LandingParsers.forDataset(dataset).orElseThrow();
            addDataset(builder, scope.zone().zone(), dataset, new DatasetValidator(dataset, parser, schemaId), metrics);
        }
        return builder.build();
    }

    private static void addDataset(StreamsBuilder builder, String zone, DatasetSpec dataset, DatasetValidator validator,
            ValidationMetrics metrics) {
        String name = dataset.name();
        String landing = dataset.topic(zone, Stage.LANDING).toString();
        String staging = dataset.topic(zone, Stage.STAGING).toString();
        String rejected = dataset.topic(zone, Stage.REJECTED).toString();
        RejectLog rejectLog = new RejectLog(rejected, REJECTIONS_LOGGED_PER_MINUTE);

        builder.stream(landing, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-" + landing))
                .processValues(() -> new ValidateRecord(name, validator, metrics, rejectLog), Named.as("validate-" + name))
                .split(Named.as("route-" + name + "-"))
                .branch((key, verdict) -> verdict.accepted(), Branched.<byte[], Verdict>withConsumer(valid -> valid
                        .process(ToStagingRecord::new, Named.as("to-staging-record-" + name))
                        .to(staging, bytesTo(staging)), "valid"))
                .defaultBranch(Branched.<byte[], Verdict>withConsumer(invalid -> invalid
                        .processValues(ToRejectedRecord::new, Named.as("to-rejected-record-" + name))
                        .to(rejected, bytesTo(rejected)), "rejected"));
    }

    private static Produced<byte[], byte[]> bytesTo(String topic) {
        return Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("write-" + topic);
    }
}
