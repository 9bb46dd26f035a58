package io.tributary.connect.s3.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.Util;

import io.tributary.connect.s3.storage.ObjectStore;

/**
 * Reads the key-value metadata of a Parquet object's footer with one or two ranged reads of
 * its tail, without downloading the file. A Parquet file ends with the footer, its length
 * (4 bytes, little-endian) and the magic {@code PAR1}.
 */
public final class FooterReader {
    private static final int FIRST_READ = 64 * 1024;
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private final ObjectStore store;

    public FooterReader(ObjectStore store) {
        this.store = store;
    }

    public Map<String, String> keyValueMetadata(String key) {
        byte[] tail = store.readTail(key, FIRST_READ);
        if (tail.length < 8 || !endsWithMagic(tail)) {
            throw new CorruptFileException(key + " is not a Parquet file (no PAR1 magic at its end)");
        }
        int footerLength = ByteBuffer.wrap(tail, tail.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (footerLength <= 0) {
            throw new CorruptFileException(key + " has a Parquet footer length of " + footerLength);
        }
        if (footerLength + 8 > tail.length) {
            tail = store.readTail(key, footerLength + 8);
            if (tail.length < footerLength + 8) {
                throw new CorruptFileException(key + " is shorter than its Parquet footer (" + footerLength + " bytes)");
            }
        }
        try {
            FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(tail, tail.length - 8 - footerLength, footerLength));
            Map<String, String> result = new HashMap<>();
            if (meta.getKey_value_metadata() != null) {
                for (KeyValue kv : meta.getKey_value_metadata()) {
                    result.put(kv.getKey(), kv.getValue());
                }
            }
            return result;
        } catch (IOException e) {
            throw new CorruptFileException(key + " has an unreadable Parquet footer: " + e.getMessage());
        }
    }

    private static boolean endsWithMagic(byte[] tail) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (tail[tail.length - MAGIC.length + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** An object in the sink's folder that is not a complete Parquet file of ours. */
    public static final class CorruptFileException extends RuntimeException {
        public CorruptFileException(String message) {
            super(message);
        }
    }
}
