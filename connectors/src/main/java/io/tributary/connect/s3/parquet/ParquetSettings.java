package io.tributary.connect.s3.parquet;

/** How Parquet files are written. */
public record ParquetSettings(ParquetCodec codec, long rowGroupBytes, int pageBytes) {
}
