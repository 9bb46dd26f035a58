package io.tributary.connect.source.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.connect.source.store.IngressObject;

class S3EventNotificationsTest {
    private static final String EVENT = """
            {"Records":[
              {"eventVersion":"2.1","eventSource":"aws:s3","eventTime":"2024-05-01T10:00:00.000Z","eventName":"ObjectCreated:Put",
               "s3":{"bucket":{"name":"ingress"},"object":{"key":"finance/expenses/May+report%282%29.xlsx","size":1024,"eTag":"abc123"}}},
              {"eventName":"ObjectRemoved:Delete","s3":{"bucket":{"name":"ingress"},"object":{"key":"finance/expenses/old.csv"}}},
              {"eventName":"ObjectCreated:CompleteMultipartUpload","s3":{"bucket":{"name":"other"},"object":{"key":"finance/expenses/x.csv"}}}
            ]}""";

    private static List<IngressObject> parse(String json) {
        return S3EventNotifications.createdObjects(json.getBytes(StandardCharsets.UTF_8), "ingress");
    }

    @Test
    void createdObjectsOfTheBucketWithDecodedKeys() {
        List<IngressObject> created = parse(EVENT);
        assertThat(created).hasSize(1);
        assertThat(created.get(0).key()).isEqualTo("finance/expenses/May report(2).xlsx");
        assertThat(created.get(0).eTag()).isEqualTo("abc123");
        assertThat(created.get(0).size()).isEqualTo(1024);
        assertThat(created.get(0).lastModified()).hasToString("2024-05-01T10:00:00Z");
    }

    @Test
    void anSnsEnvelopeIsUnwrappedAndTestEventsIgnored() {
        String sns = "{\"Type\":\"Notification\",\"Message\":" + new com.fasterxml.jackson.databind.node.TextNode(EVENT) + "}";
        assertThat(parse(sns)).extracting(IngressObject::key).containsExactly("finance/expenses/May report(2).xlsx");
        assertThat(parse("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"ingress\"}")).isEmpty();
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    }

    @Test
    void keysNameZoneDatasetAndBatch() {
        IngressKey key = IngressKey.parse("finance/expenses/2024/05/claims.xlsx").orElseThrow();
        assertThat(key.landingTopic()).isEqualTo("finance.landing.expenses");
        assertThat(key.batchId("e1")).isEqualTo("2024/05/claims.xlsx@e1");
        assertThat(IngressKey.parse("finance/claims.xlsx")).isEmpty();
        assertThat(IngressKey.parse("Finance/expenses/a.csv")).isEmpty();
        assertThat(IngressKey.parse("finance/expenses/.a.csv").orElseThrow().hidden()).isTrue();
    }
}
