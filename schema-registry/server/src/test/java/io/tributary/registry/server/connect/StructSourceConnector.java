package io.tributary.registry.server.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/** A test source: emits {@code count} Connect structs to {@code topic}, then nothing. */
public class StructSourceConnector extends SourceConnector {
    public static final Schema EXPENSE = SchemaBuilder.struct().name("finance.Expense")
            .field("id", Schema.INT64_SCHEMA)
            .field("payee", Schema.STRING_SCHEMA)
            .field("amount", Decimal.schema(2))
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private Map<String, String> config;

    @Override
    public void start(Map<String, String> props) {
        config = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return StructSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(config);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define("topic", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "target topic")
                .define("count", ConfigDef.Type.INT, ConfigDef.Importance.HIGH, "records to emit");
    }

    @Override
    public String version() {
        return "test";
    }

    public static class StructSourceTask extends SourceTask {
        private String topic;
        private int count;
        private int sent;

        @Override
        public void start(Map<String, String> props) {
            topic = props.get("topic");
            count = Integer.parseInt(props.get("count"));
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            if (sent >= count) {
                Thread.sleep(100);
                return null;
            }
            List<SourceRecord> records = new ArrayList<>();
            while (sent < count) {
                Struct expense = new Struct(EXPENSE).put("id", (long) sent).put("payee", "payee-" + sent)
                        .put("amount", new java.math.BigDecimal(sent + ".25")).put("note", sent % 2 == 0 ? null : "odd");
                records.add(new SourceRecord(Map.of("source", "test"), Map.of("n", sent), topic, null,
                        Schema.STRING_SCHEMA, "k" + sent, EXPENSE, expense));
                sent++;
            }
            return records;
        }

        @Override
        public void stop() {
        }

        @Override
        public String version() {
            return "test";
        }
    }
}
