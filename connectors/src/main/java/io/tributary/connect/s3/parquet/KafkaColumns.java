package io.tributary.connect.s3.parquet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Kafka coordinates kept as extra columns at the end of each row ({@code parquet.kafka.columns}):
 * {@code kafka_topic}, {@code kafka_partition}, {@code kafka_offset}, {@code kafka_timestamp}.
 */
public final class KafkaColumns {
    /** One coordinate column. */
    public enum Column {
        TOPIC("kafka_topic"), PARTITION("kafka_partition"), OFFSET("kafka_offset"), TIMESTAMP("kafka_timestamp");

        private final String columnName;

        Column(String columnName) {
            this.columnName = columnName;
        }

        public String columnName() {
            return columnName;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Column fromId(String id) {
            for (Column c : values()) {
                if (c.id().equalsIgnoreCase(id.trim())) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown Kafka column '" + id + "'; any of " + ids());
        }

        public static String ids() {
            return Arrays.stream(values()).map(Column::id).collect(Collectors.joining(", "));
        }
    }

    public static final KafkaColumns NONE = new KafkaColumns(Set.of());

    private final Set<Column> columns;

    public KafkaColumns(Set<Column> columns) {
        this.columns = columns.isEmpty() ? Set.of() : EnumSet.copyOf(columns);
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }

    /** Why a record schema cannot take these columns (a field of the same name), or empty. */
    public Optional<String> clash(Schema schema) {
        for (Column c : columns) {
            if (schema.getField(c.columnName()) != null) {
                return Optional.of("field '" + c.columnName() + "' of " + schema.getFullName() + " clashes with the Kafka coordinate"
                        + " column of that name (parquet.kafka.columns)");
            }
        }
        return Optional.empty();
    }

    /** The record schema with the coordinate columns appended (null defaults, so Avro fills them when reading). */
    public Schema extend(Schema schema) {
        if (columns.isEmpty()) {
            return schema;
        }
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        for (Column c : Column.values()) {
            if (columns.contains(c)) {
                fields.add(new Schema.Field(c.columnName(), Schema.createUnion(Schema.create(Schema.Type.NULL), type(c)),
                        "Kafka " + c.id() + " of the record", JsonProperties.NULL_VALUE));
            }
        }
        Schema extended = Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
        schema.getObjectProps().forEach(extended::addProp);
        return extended;
    }

    private static Schema type(Column c) {
        return switch (c) {
            case TOPIC -> Schema.create(Schema.Type.STRING);
            case PARTITION -> Schema.create(Schema.Type.INT);
            case OFFSET -> Schema.create(Schema.Type.LONG);
            case TIMESTAMP -> LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
        };
    }

    /** Sets the coordinate columns of a row read with {@link #extend(Schema)}'d schema. */
    public void fill(GenericRecord row, String topic, int partition, long offset, Long timestamp) {
        if (columns.isEmpty()) {
            return;
        }
        if (columns.contains(Column.TOPIC)) {
            row.put(Column.TOPIC.columnName(), topic);
        }
        if (columns.contains(Column.PARTITION)) {
            row.put(Column.PARTITION.columnName(), partition);
        }
        if (columns.contains(Column.OFFSET)) {
            row.put(Column.OFFSET.columnName(), offset);
        }
        if (columns.contains(Column.TIMESTAMP)) {
            row.put(Column.TIMESTAMP.columnName(), timestamp);
        }
    }
}
