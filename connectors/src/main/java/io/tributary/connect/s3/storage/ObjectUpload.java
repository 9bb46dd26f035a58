package io.tributary.connect.s3.storage;

import java.io.OutputStream;

/**
 * An object being written. Bytes are streamed out as they come (in parts), but the object
 * appears only on {@link #complete()}, whole; {@link #abort()} leaves nothing behind.
 * {@link #close()} only ends the stream, so that a writer closing it cannot publish a file
 * the sink has not decided to commit.
 */
public abstract class ObjectUpload extends OutputStream {

    public abstract String key();

    /** Bytes written so far. */
    public abstract long position();

    /** Bytes of memory the upload holds for its part buffer. */
    public abstract long bufferedBytes();

    /** Makes the object visible with everything written; returns its size. */
    public abstract long complete();

    /** Ends the stream; does not publish. */
    @Override
    public abstract void close();

    /** Discards whatever was sent; safe to call more than once and after a failure. */
    public abstract void abort();
}
