package io.tributary.connect.source.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Opens a text file as strict UTF-8: a leading UTF-8 byte-order mark is skipped, a UTF-16 one or
 * bytes that are not UTF-8 are reported instead of being replaced by question marks.
 */
final class Utf8Text {
    private Utf8Text() {
    }

    static Reader open(Path file) throws IOException, BadFileException {
        InputStream raw = Files.newInputStream(file);
        BOMInputStream in = BOMInputStream.builder().setInputStream(raw)
                .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).setInclude(false).get();
        ByteOrderMark bom = in.getBOM();
        if (bom != null && !bom.equals(ByteOrderMark.UTF_8)) {
            in.close();
            throw new BadFileException(BadFileReason.WRONG_ENCODING, "the file is " + bom.getCharsetName()
                    + " (it starts with that byte-order mark); text files must be UTF-8");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
    }

    /** The rejection for text that failed to decode, if {@code e} (or what it wraps) is such a failure. */
    static BadFileException encodingProblem(Throwable e, long row, String where) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return new BadFileException(BadFileReason.WRONG_ENCODING, "the file is not UTF-8: bytes near " + where
                        + " are no UTF-8 text (" + t + ")", row, "");
            }
        }
        return null;
    }
}
