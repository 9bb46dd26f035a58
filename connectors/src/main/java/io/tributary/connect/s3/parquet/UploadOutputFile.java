package io.tributary.connect.s3.parquet;

import java.io.IOException;

import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

import io.tributary.connect.s3.storage.ObjectUpload;

/** Parquet's view of an upload: a stream that knows its position. Closing it does not publish the object. */
public final class UploadOutputFile implements OutputFile {
    private final ObjectUpload upload;

    public UploadOutputFile(ObjectUpload upload) {
        this.upload = upload;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        return stream();
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return stream();
    }

    private PositionOutputStream stream() {
        return new PositionOutputStream() {
            @Override
            public long getPos() {
                return upload.position();
            }

            @Override
            public void write(int b) throws IOException {
                upload.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                upload.write(b, off, len);
            }

            @Override
            public void close() {
                upload.close();
            }
        };
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return upload.key();
    }
}
