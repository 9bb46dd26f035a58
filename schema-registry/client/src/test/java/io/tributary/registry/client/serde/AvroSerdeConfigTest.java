package io.tributary.registry.client.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {
    private static final Schema ORDER = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\",\"fields\":[]}");

    @Test
    void confluentDefaultsApply() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of("schema.registry.url", "http://a:8081, http://b:8081/"), false);
        assertThat(config.urls()).containsExactly("http://a:8081", "http://b:8081/");
        assertThat(config.autoRegister()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.userInfo()).isEmpty();
        assertThat(config.subjectNameStrategy().subject("t", false, ORDER)).isEqualTo("t-value");
        assertThat(new AvroSerdeConfig(Map.of("schema.registry.url", "http://a"), true).subjectNameStrategy()
                .subject("t", true, ORDER)).isEqualTo("t-key");
    }

    @Test
    void credentialsComeFromUserInfoTheUrlOrTheJaasConfig() {
        assertThat(new AvroSerdeConfig(Map.of("schema.registry.url", "http://a:8081",
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "fin:secret"), false).userInfo())
                .hasValue("fin:secret");
        AvroSerdeConfig fromUrl = new AvroSerdeConfig(Map.of("schema.registry.url", "http://fin:pw@a:8081"), false);
        assertThat(fromUrl.userInfo()).hasValue("fin:pw");
        assertThat(fromUrl.urls()).containsExactly("http://a:8081");
        assertThat(new AvroSerdeConfig(Map.of("schema.registry.url", "http://a:8081", "basic.auth.credentials.source",
                "SASL_INHERIT", "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"svc\" password=\"pw2\";"), false).userInfo()).hasValue("svc:pw2");
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "http://a",
                "basic.auth.credentials.source", "TOKEN"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.credentials.source");
    }

    @Test
    void confluentStrategyClassNamesWork() {
        AvroSerdeConfig config = new AvroSerdeConfig(Map.of("schema.registry.url", "http://a",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
                "key.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"), false);
        assertThat(config.subjectNameStrategy().subject("orders", false, ORDER)).isEqualTo("orders-shop.Order");
        assertThat(new AvroSerdeConfig(Map.of("schema.registry.url", "http://a",
                "key.subject.name.strategy", RecordNameStrategy.class.getName()), true).subjectNameStrategy()
                .subject("orders", true, ORDER)).isEqualTo("shop.Order");
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "http://a",
                "value.subject.name.strategy", "com.example.Nope"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("value.subject.name.strategy");
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "localhost:8081"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("localhost:8081");
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "http://a", "auto.register.schemas", "yes"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auto.register.schemas");
    }
}
