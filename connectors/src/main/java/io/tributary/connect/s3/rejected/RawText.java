package io.tributary.connect.s3.rejected;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Original key and value bytes as the text columns of a rejected table: UTF-8 text when they are
 * valid UTF-8 (JSON, CSV lines, as most rejects are), otherwise {@code base64:} and the bytes in
 * Base64, so that no byte is lost or silently replaced.
 */
public final class RawText {
    public static final String BASE64_PREFIX = "base64:";

    private RawText() {
    }

    /** The bytes as text, or null for null. */
    public static String of(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return BASE64_PREFIX + Base64.getEncoder().encodeToString(bytes);
        }
    }
}
