package io.tributary.processors.validation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding for the text formats: a malformed byte is reported with its offset, never replaced. */
final class Utf8Text {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Utf8Text() {
    }

    /** The text without a leading byte-order mark, or a {@link RejectReason#NOT_UTF8} rejection. */
    static String decode(byte[] value) {
        CharBuffer chars = CharBuffer.allocate(value.length);
        ByteBuffer bytes = ByteBuffer.wrap(value);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            throw new ConversionException(RejectReason.NOT_UTF8, FieldPath.ROOT, "not UTF-8 text: malformed byte sequence at byte offset "
                    + bytes.position());
        }
        chars.flip();
        return chars.length() > 0 && chars.charAt(0) == BYTE_ORDER_MARK ? chars.subSequence(1, chars.length()).toString()
                : chars.toString();
    }
}
