package io.tributary.model;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * A windowed aggregate of an entity: its records grouped by {@code groupBy} fields and by tumbling
 * event-time windows of {@code size}, with measures over each group. A record arriving after its
 * window's end plus {@code grace} (by the greatest event time seen) is too late and left out; until
 * then late and updated records update the window's row. A newer version of an entity record moves
 * its contribution: out of the old version's row, into the new one's.
 *
 * @param timeField a timestamp field of the entity
 */
public record AggregateSpec(List<String> groupBy, String timeField, Duration size, Duration grace, List<Measure> measures) {

    public enum Function {
        SUM, COUNT, MIN, MAX, AVG;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param field the entity field measured; null for count */
    public record Measure(String name, Function function, String field) {
    }

    public AggregateSpec {
        groupBy = List.copyOf(groupBy);
        measures = List.copyOf(measures);
    }

    /**
     * The rows' schema: {@code window_start}, {@code window_end} (timestamp-millis), the group-by
     * fields (as in the entity), then the measures (count a long, the others doubles, null for an
     * empty group's min/max/avg).
     */
    public Schema rowSchema(String zone, String name, Schema entity) {
        Schema timestamp = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
        var fields = SchemaBuilder.record(name).namespace("io.tributary." + zone + ".analytical").fields()
                .name("window_start").type(timestamp).noDefault()
                .name("window_end").type(timestamp).noDefault();
        for (String field : groupBy) {
            fields = fields.name(field).type(entity.getField(field).schema()).noDefault();
        }
        for (Measure m : measures) {
            fields = m.function() == Function.COUNT
                    ? fields.name(m.name()).type().longType().noDefault()
                    : fields.name(m.name()).type().optional().doubleType();
        }
        // The lake keeps every change of a row (a change log): the greatest revision per key is the current row.
        return fields.name("revision").doc("Increases with every change of this row; the greatest per window and group is current")
                .type().longType().longDefault(0L).endRecord();
    }
}
