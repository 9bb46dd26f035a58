package io.tributary.processors.ods;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

import io.tributary.model.AnalyticalSpec;

/** Accumulators in the state store, including those stored before rows had revisions. */
class AggregateStateTest {
    private final OdsFixture fin = new OdsFixture(new MemoryRegistry());
    private final AnalyticalSpec daily = fin.zone.analytical().stream().filter(a -> a.name().equals("daily_spend_by_department"))
            .findFirst().orElseThrow();
    private final AggregateState state = new AggregateState(daily.aggregate().orElseThrow(),
            fin.zone.entity("expense").orElseThrow().schema());

    @Test
    void anAccumulatorKeepsItsRevision() {
        GenericRecord acc = state.emptyAccumulator(1_000L, group("Sales"), daily.aggregate().orElseThrow().measures().size());
        acc.put("records", 2L);
        acc.put("revision", 7L);
        GenericRecord read = state.readAccumulator(state.write(acc));
        assertThat(read.get("records")).isEqualTo(2L);
        assertThat(read.get("revision")).isEqualTo(7L);
    }

    @Test
    void anAccumulatorStoredBeforeRevisionsIsReadWithRevisionZero() throws Exception {
        Schema legacy = Schema.createRecord("Accumulator", null, "io.tributary.state", false,
                state.accumulator.getFields().stream().filter(f -> !f.name().equals("revision"))
                        .map(f -> new Schema.Field(f.name(), f.schema(), f.doc(), f.defaultVal())).toList());
        GenericRecord old = new GenericData.Record(legacy);
        int measures = daily.aggregate().orElseThrow().measures().size();
        old.put("window_start", 1_000L);
        old.put("group", group("Sales"));
        old.put("records", 3L);
        old.put("sums", java.util.Collections.nCopies(measures, 12.5));
        old.put("counts", java.util.Collections.nCopies(measures, 3L));
        old.put("values", java.util.Collections.nCopies(measures, java.util.Map.of()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(legacy).write(old, encoder);
        encoder.flush();

        GenericRecord read = state.readAccumulator(out.toByteArray());
        assertThat(read.get("records")).isEqualTo(3L);
        assertThat(read.get("sums").toString()).isEqualTo(java.util.Collections.nCopies(measures, 12.5).toString());
        assertThat(read.get("revision")).isEqualTo(0L);
    }

    private GenericRecord group(String department) {
        GenericRecord g = new GenericData.Record(state.group);
        g.put("department", department);
        return g;
    }
}
