package io.tributary.processors.batch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.tributary.processors.topology.Verdict;
import io.tributary.processors.validation.RejectReason;
import io.tributary.processors.validation.ValidationOutcome;

/** A pending record as bytes in the batch store (and its changelog). Versioned by a leading byte. */
public final class PendingRecordCodec {
    private static final byte VERSION = 1;
    private static final byte ACCEPTED = 0;
    private static final byte REJECTED = 1;

    private PendingRecordCodec() {
    }

    public static byte[] encode(PendingRecord r) {
        return Bytes.write(out -> {
            out.writeByte(VERSION);
            Bytes.bytes(out, r.key());
            Bytes.bytes(out, r.value());
            Header[] headers = r.headers().toArray();
            out.writeInt(headers.length);
            for (Header h : headers) {
                Bytes.text(out, h.key());
                Bytes.bytes(out, h.value());
            }
            out.writeLong(r.timestamp());
            Bytes.text(out, r.sourceTopic());
            out.writeInt(r.sourcePartition());
            out.writeLong(r.sourceOffset());
            verdict(out, r.verdict());
        });
    }

    public static PendingRecord decode(byte[] bytes) {
        return Bytes.read(bytes, in -> {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IOException("unknown pending record version " + version);
            }
            byte[] key = Bytes.bytes(in);
            byte[] value = Bytes.bytes(in);
            int headerCount = in.readInt();
            RecordHeaders headers = new RecordHeaders();
            for (int i = 0; i < headerCount; i++) {
                headers.add(Bytes.text(in), Bytes.bytes(in));
            }
            long timestamp = in.readLong();
            String topic = Bytes.text(in);
            int partition = in.readInt();
            long offset = in.readLong();
            return new PendingRecord(key, value, headers, timestamp, topic, partition, offset, verdict(in, value));
        });
    }

    private static void verdict(DataOutputStream out, Verdict verdict) throws IOException {
        if (verdict instanceof Verdict.Accepted a) {
            out.writeByte(ACCEPTED);
            Bytes.bytes(out, a.key());
            Bytes.bytes(out, a.value());
            out.writeInt(a.warnings().size());
            for (String w : a.warnings()) {
                Bytes.text(out, w);
            }
        } else {
            Verdict.Rejected r = (Verdict.Rejected) verdict;
            out.writeByte(REJECTED);
            Bytes.text(out, r.why().reason().name());
            Bytes.text(out, r.why().rule());
            Bytes.text(out, r.why().fieldPath());
            Bytes.text(out, r.why().message());
            out.writeBoolean(r.failsBatch());
        }
    }

    private static Verdict verdict(DataInputStream in, byte[] originalValue) throws IOException {
        byte kind = in.readByte();
        if (kind == ACCEPTED) {
            byte[] key = Bytes.bytes(in);
            byte[] value = Bytes.bytes(in);
            int count = in.readInt();
            List<String> warnings = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                warnings.add(Bytes.text(in));
            }
            return new Verdict.Accepted(key, value, warnings);
        }
        RejectReason reason = RejectReason.valueOf(Bytes.text(in));
        String rule = Bytes.text(in);
        String field = Bytes.text(in);
        String message = Bytes.text(in);
        boolean failsBatch = in.readBoolean();
        return new Verdict.Rejected(originalValue, new ValidationOutcome.Rejected(reason, rule, field, message), failsBatch);
    }
}
