package io.tributary.ingest.body;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;

/** Every body is UTF-8 text; a wrong encoding is found here, with the offset of the first bad byte. */
final class Utf8Check {
    private Utf8Check() {
    }

    static void requireUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(8192);
        try {
            while (true) {
                CoderResult result = decoder.decode(in, out, true);
                if (result.isError()) {
                    throw new MalformedBodyException("not UTF-8 text (a malformed byte sequence); send UTF-8", line(body, in.position()), -1,
                            in.position());
                }
                if (result.isUnderflow()) {
                    CoderResult flush = decoder.flush(out);
                    if (flush.isError()) {
                        flush.throwException();
                    }
                    return;
                }
                out.clear();
            }
        } catch (CharacterCodingException e) {
            throw new MalformedBodyException("not UTF-8 text; send UTF-8", -1, -1, in.position());
        }
    }

    static int line(byte[] body, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < body.length; i++) {
            if (body[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
