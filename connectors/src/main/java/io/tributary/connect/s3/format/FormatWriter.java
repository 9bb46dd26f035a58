package io.tributary.connect.s3.format;

import java.io.IOException;

import io.tributary.connect.s3.spool.SpooledRecord;

/** Writes one file, record by record, then its footer. */
public interface FormatWriter {

    void write(SpooledRecord record) throws IOException;

    /** Writes whatever remains and the file's metadata, and ends the stream; the upload is completed by the caller. */
    void finish() throws IOException;
}
