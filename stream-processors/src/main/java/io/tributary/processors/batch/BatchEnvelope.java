package io.tributary.processors.batch;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A landing record of a batch-mode dataset on its way to the batch assembler, through a
 * repartition topic keyed by batch: its batch id and end marker, where it was read (its offset
 * in landing, which the repartition hop would otherwise lose), and its value. Key, headers and
 * timestamp travel as the record's own.
 *
 * @param endCount the record count its {@code tributary.batch.end} header announces, -1 if none
 */
public record BatchEnvelope(String batchId, int endCount, String sourceTopic, int sourcePartition, long sourceOffset, byte[] value) {

    public static Serde<BatchEnvelope> serde() {
        Serializer<BatchEnvelope> serializer = (topic, e) -> e == null ? null : Bytes.write(out -> {
            out.writeByte(1);
            Bytes.text(out, e.batchId());
            out.writeInt(e.endCount());
            Bytes.text(out, e.sourceTopic());
            out.writeInt(e.sourcePartition());
            out.writeLong(e.sourceOffset());
            Bytes.bytes(out, e.value());
        });
        Deserializer<BatchEnvelope> deserializer = (topic, bytes) -> bytes == null ? null : Bytes.read(bytes, in -> {
            in.readByte();
            return new BatchEnvelope(Bytes.text(in), in.readInt(), Bytes.text(in), in.readInt(), in.readLong(), Bytes.bytes(in));
        });
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
