package io.tributary.registry.client.serde;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.specific.AvroGenerated;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro's specific data model, finding the generated class of a record, enum or fixed type by its
 * full name. Avro 1.12 refuses to load classes by name unless their packages are trusted
 * (org.apache.avro.SERIALIZABLE_PACKAGES); a reader asked for generated classes
 * ({@code specific.avro.reader=true}) trusts exactly those: classes that implement
 * {@link SpecificRecord} or carry {@link AvroGenerated}. Nothing else is ever loaded by name.
 */
final class GeneratedClassData extends SpecificData {
    private static final Object NONE = new Object();
    private final Map<String, Object> classes = new ConcurrentHashMap<>();

    GeneratedClassData(ClassLoader loader) {
        super(loader);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class getClass(Schema schema) {
        switch (schema.getType()) {
            case RECORD:
            case ENUM:
            case FIXED:
                Object found = classes.computeIfAbsent(schema.getFullName(), name -> load(name).<Object>map(c -> c).orElse(NONE));
                return found == NONE ? null : (Class) found;
            default:
                return super.getClass(schema);
        }
    }

    /** The generated class named {@code name}, if it is on the class path. */
    Optional<Class<?>> load(String name) {
        try {
            Class<?> type = Class.forName(name, false, getClassLoader());
            boolean generated = SpecificRecord.class.isAssignableFrom(type) || type.isAnnotationPresent(AvroGenerated.class);
            return generated ? Optional.of(type) : Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
