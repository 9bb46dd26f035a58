package io.tributary.connect.s3.archive;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.avro.file.CodecFactory;

/** Compression of archive (Avro container) files. */
public enum ArchiveCodec {
    SNAPPY, DEFLATE, UNCOMPRESSED;

    public CodecFactory factory() {
        return switch (this) {
            case SNAPPY -> CodecFactory.snappyCodec();
            case DEFLATE -> CodecFactory.deflateCodec(CodecFactory.DEFAULT_DEFLATE_LEVEL);
            case UNCOMPRESSED -> CodecFactory.nullCodec();
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArchiveCodec fromId(String id) {
        for (ArchiveCodec c : values()) {
            if (c.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown archive codec '" + id + "'; one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(ArchiveCodec::id).collect(Collectors.joining(", "));
    }
}
