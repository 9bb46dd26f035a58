package io.tributary.registry.client.serde;

import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;

/** Avro's generic data model, with or without conversions of logical types to Java types (avro.use.logical.type.converters). */
final class AvroModels {
    private static final GenericData PLAIN = new GenericData();
    private static final GenericData WITH_CONVERSIONS = new GenericData();

    static {
        WITH_CONVERSIONS.addLogicalTypeConversion(new Conversions.DecimalConversion());
        WITH_CONVERSIONS.addLogicalTypeConversion(new Conversions.UUIDConversion());
        WITH_CONVERSIONS.addLogicalTypeConversion(new TimeConversions.DateConversion());
        WITH_CONVERSIONS.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        WITH_CONVERSIONS.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        WITH_CONVERSIONS.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        WITH_CONVERSIONS.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        WITH_CONVERSIONS.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        WITH_CONVERSIONS.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
    }

    private AvroModels() {
    }

    static GenericData generic(boolean logicalTypeConversions) {
        return logicalTypeConversions ? WITH_CONVERSIONS : PLAIN;
    }
}
