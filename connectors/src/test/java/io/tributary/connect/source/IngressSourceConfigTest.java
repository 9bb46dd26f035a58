package io.tributary.connect.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;

class IngressSourceConfigTest {

    private static Map<String, String> props(String... keyValues) {
        Map<String, String> p = new HashMap<>(Map.of("zones", "finance,audit"));
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private static void refused(String property, String expected, String... keyValues) {
        assertThatThrownBy(() -> new IngressSourceConfig(props(keyValues))).isInstanceOf(ConfigException.class)
                .hasMessageContaining(property).hasMessageContaining(expected);
    }

    @Test
    void defaultsReadTheIngressBucketByListingAndMoveProcessedFiles() {
        IngressSourceConfig config = new IngressSourceConfig(props());
        assertThat(config.bucket()).isEqualTo("ingress");
        assertThat(config.zones()).containsExactly("finance", "audit");
        assertThat(config.notificationTopic()).isEmpty();
        assertThat(config.listingInterval().toSeconds()).isEqualTo(60);
        assertThat(config.processedAction()).isEqualTo(IngressSourceConfig.ProcessedAction.MOVE);
        assertThat(config.readerSettings().csvRaw()).isFalse();
        assertThat(config.s3().endpoint()).isEmpty();
    }

    @Test
    void everyBadValueIsRefusedNamingItsProperty() {
        assertThatThrownBy(() -> new IngressSourceConfig(Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("zones");
        refused("zones", "'Finance' is not a zone name", "zones", "Finance");
        refused("csv.records", "one of json, raw", "csv.records", "xml");
        // One topic for every zone's arrivals is gone: each zone has its own, named after it.
        refused("batches.topic", "_tributary.<zone>.batches", "batches.topic", "arrivals");
        refused("csv.delimiter", "exactly one character", "csv.delimiter", ";;");
        refused("processed.action", "move, tag, none", "processed.action", "delete");
        refused("processed.prefix", "ending in /", "processed.prefix", "done");
        refused("processed.prefix", "inside the watched prefix of zone finance", "processed.prefix", "finance/done/");
        refused("s3.endpoint", "http(s)://host[:port]", "s3.endpoint", "localhost:9000");
        refused("listing.interval.ms", "notification topic", "listing.interval.ms", "0");
        refused("notification.bootstrap.servers", "required with notification.topic", "notification.topic", "_s3.events");
        refused("rows.per.poll", "rows.per.poll", "rows.per.poll", "0");
        refused("xlsx.time.zone", "is not a time zone", "xlsx.time.zone", "Mars/Olympus");
    }

    @Test
    void notificationsOnlyAndConsumerSettingsArePassedOn() {
        IngressSourceConfig config = new IngressSourceConfig(props("notification.topic", "_s3.events", "notification.bootstrap.servers",
                "kafka:9092", "listing.interval.ms", "0", "notification.consumer.security.protocol", "SSL"));
        assertThat(config.notificationConsumer()).containsEntry("bootstrap.servers", "kafka:9092").containsEntry("security.protocol", "SSL");
    }

    @Test
    void theConnectorSharesZonesOutAndSupportsExactlyOnce() {
        IngressSourceConnector connector = new IngressSourceConnector();
        connector.start(props("zones", "finance,audit,hr"));
        List<Map<String, String>> tasks = connector.taskConfigs(2);
        assertThat(tasks).extracting(t -> t.get(IngressSourceConfig.TASK_ZONES)).containsExactly("finance,hr", "audit");
        assertThat(connector.taskConfigs(5)).hasSize(3);
        assertThat(connector.exactlyOnceSupport(Map.of())).isEqualTo(ExactlyOnceSupport.SUPPORTED);
        assertThat(connector.canDefineTransactionBoundaries(Map.of())).isEqualTo(ConnectorTransactionBoundaries.SUPPORTED);
        assertThat(connector.config().configKeys()).containsKeys("s3.bucket", "zones", "notification.topic", "processed.action");
    }
}
