package io.tributary.registry.client.serde;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

/**
 * Resolves a {@code key.subject.name.strategy} / {@code value.subject.name.strategy} setting:
 * Confluent's class names (so that existing configurations work), their short names, ours, or
 * any class implementing {@link SubjectNameStrategy}.
 */
final class SubjectNameStrategies {
    private static final String CONFLUENT = "io.confluent.kafka.serializers.subject.";
    private static final Map<String, Class<? extends SubjectNameStrategy>> KNOWN = Map.of(
            "TopicNameStrategy", TopicNameStrategy.class,
            "RecordNameStrategy", RecordNameStrategy.class,
            "TopicRecordNameStrategy", TopicRecordNameStrategy.class);

    private SubjectNameStrategies() {
    }

    static SubjectNameStrategy of(String key, Object value) {
        if (value == null) {
            return new TopicNameStrategy();
        }
        if (value instanceof SubjectNameStrategy strategy) {
            return strategy;
        }
        String name = value instanceof Class<?> c ? c.getName() : String.valueOf(value).trim();
        String shortName = name.startsWith(CONFLUENT) ? name.substring(CONFLUENT.length()) : name;
        Class<? extends SubjectNameStrategy> known = KNOWN.get(shortName);
        try {
            Class<?> type = known != null ? known : Class.forName(name, true, Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : SubjectNameStrategies.class.getClassLoader());
            if (!SubjectNameStrategy.class.isAssignableFrom(type)) {
                throw new ConfigException(key, name, "does not implement " + SubjectNameStrategy.class.getName());
            }
            return (SubjectNameStrategy) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ConfigException(key, name, "unknown subject name strategy; use TopicNameStrategy, RecordNameStrategy, "
                    + "TopicRecordNameStrategy or a class implementing " + SubjectNameStrategy.class.getName());
        }
    }
}
