package io.tributary.connect.s3.parquet;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.parquet.hadoop.api.DelegatingWriteSupport;
import org.apache.parquet.hadoop.api.WriteSupport;

/**
 * Adds key-value metadata to the footer when the file is closed. The footer is written last,
 * so it can record what is only known then: the file's last offset and the commit batch it
 * belongs to. That makes each object describe itself, on any S3-compatible store.
 */
final class FooterMetadataWriteSupport<T> extends DelegatingWriteSupport<T> {
    private final Supplier<Map<String, String>> metadata;

    FooterMetadataWriteSupport(WriteSupport<T> delegate, Supplier<Map<String, String>> metadata) {
        super(delegate);
        this.metadata = metadata;
    }

    @Override
    public FinalizedWriteContext finalizeWrite() {
        Map<String, String> all = new HashMap<>(super.finalizeWrite().getExtraMetaData());
        all.putAll(metadata.get());
        return new FinalizedWriteContext(all);
    }
}
