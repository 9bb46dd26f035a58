package io.tributary.connect.s3.parquet;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** The compression codecs the sink offers, by their configuration names. */
public enum ParquetCodec {
    SNAPPY(CompressionCodecName.SNAPPY),
    ZSTD(CompressionCodecName.ZSTD),
    GZIP(CompressionCodecName.GZIP),
    UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED);

    private final CompressionCodecName parquetName;

    ParquetCodec(CompressionCodecName parquetName) {
        this.parquetName = parquetName;
    }

    public CompressionCodecName parquetName() {
        return parquetName;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ParquetCodec fromId(String id) {
        for (ParquetCodec codec : values()) {
            if (codec.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return codec;
            }
        }
        throw new IllegalArgumentException("unknown codec '" + id + "'; one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(ParquetCodec::id).collect(Collectors.joining(", "));
    }
}
