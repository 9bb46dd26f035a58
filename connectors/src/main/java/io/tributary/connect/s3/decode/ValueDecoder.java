package io.tributary.connect.s3.decode;

import org.apache.avro.generic.GenericRecord;

/** Turns a record value's bytes into an Avro record. */
public interface ValueDecoder {

    /** @throws BadRecordException if the bytes cannot be read */
    GenericRecord decode(byte[] value);
}
