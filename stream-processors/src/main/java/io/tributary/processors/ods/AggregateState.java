package io.tributary.processors.ods;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

import io.tributary.model.AggregateSpec;

/**
 * The state of a windowed aggregate, kept as Avro in its stores: per (group, window) the
 * accumulator (record count; per measure the sum and count of non-null values, and for min/max
 * every value with its multiplicity, so that removing a value is exact), and per entity key the
 * contribution its current version made (to be moved when a newer version arrives).
 */
final class AggregateState {
    final Schema group;
    final Schema accumulator;
    final Schema contribution;
    private final GenericDatumWriter<GenericRecord> accumulatorWriter;
    private final GenericDatumReader<GenericRecord> accumulatorReader;
    private final GenericDatumReader<GenericRecord> legacyAccumulatorReader;
    private final GenericDatumWriter<GenericRecord> contributionWriter;
    private final GenericDatumReader<GenericRecord> contributionReader;

    AggregateState(AggregateSpec spec, Schema entity) {
        var groupFields = SchemaBuilder.record("Group").namespace("io.tributary.state").fields();
        for (String field : spec.groupBy()) {
            groupFields = groupFields.name(field).type(entity.getField(field).schema()).noDefault();
        }
        this.group = groupFields.endRecord();
        this.accumulator = accumulatorFields(group).name("revision").type().longType().longDefault(0L).endRecord();
        // Accumulators stored before rows had revisions: read with their own schema, revision 0.
        this.legacyAccumulatorReader = new GenericDatumReader<>(accumulatorFields(group).endRecord(), accumulator);
        this.contribution = SchemaBuilder.record("Contribution").namespace("io.tributary.state").fields()
                .name("window_start").type().longType().noDefault()
                .name("group").type(group).noDefault()
                .name("values").type().array().items().nullable().doubleType().noDefault()
                .endRecord();
        this.accumulatorWriter = new GenericDatumWriter<>(accumulator);
        this.accumulatorReader = new GenericDatumReader<>(accumulator);
        this.contributionWriter = new GenericDatumWriter<>(contribution);
        this.contributionReader = new GenericDatumReader<>(contribution);
    }

    byte[] write(GenericRecord record) {
        GenericDatumWriter<GenericRecord> writer = record.getSchema() == accumulator ? accumulatorWriter : contributionWriter;
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write aggregate state: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static SchemaBuilder.FieldAssembler<Schema> accumulatorFields(Schema group) {
        return SchemaBuilder.record("Accumulator").namespace("io.tributary.state").fields()
                .name("window_start").type().longType().noDefault()
                .name("group").type(group).noDefault()
                .name("records").type().longType().noDefault()
                .name("sums").type().array().items().doubleType().noDefault()
                .name("counts").type().array().items().longType().noDefault()
                .name("values").type().array().items().map().values().longType().noDefault();
    }

    GenericRecord readAccumulator(byte[] bytes) {
        try {
            return accumulatorReader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException | RuntimeException endsBeforeTheRevision) {
            return read(legacyAccumulatorReader, bytes);
        }
    }

    GenericRecord readContribution(byte[] bytes) {
        return read(contributionReader, bytes);
    }

    private static GenericRecord read(GenericDatumReader<GenericRecord> reader, byte[] bytes) {
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read aggregate state: " + e.getMessage(), e);
        }
    }

    /** An empty accumulator for a group and window, with {@code measures} slots. */
    GenericRecord emptyAccumulator(long windowStart, GenericRecord groupValues, int measures) {
        GenericRecord a = new org.apache.avro.generic.GenericData.Record(accumulator);
        a.put("window_start", windowStart);
        a.put("group", groupValues);
        a.put("records", 0L);
        a.put("revision", 0L);
        List<Double> sums = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<java.util.Map<String, Long>> values = new ArrayList<>();
        for (int i = 0; i < measures; i++) {
            sums.add(0.0);
            counts.add(0L);
            values.add(new java.util.HashMap<>());
        }
        a.put("sums", sums);
        a.put("counts", counts);
        a.put("values", values);
        return a;
    }
}
