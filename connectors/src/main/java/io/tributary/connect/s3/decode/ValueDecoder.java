package io.tributary.connect.s3.decode;

/** Turns a record value's bytes into what the sink keeps of it. */
public interface ValueDecoder {

    /** @throws io.tributary.connect.s3.errors.BadRecordException if the bytes cannot be read */
    DecodedValue decode(byte[] value);
}
