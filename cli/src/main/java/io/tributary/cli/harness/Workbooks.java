package io.tributary.cli.harness;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Edits of an .xlsx workbook (a zip of XML parts) for the corpus, without a spreadsheet library. */
final class Workbooks {
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";

    private Workbooks() {
    }

    /** The workbook with every cell of text {@code from} reading {@code to}. */
    static byte[] replaceSharedString(byte[] xlsx, String from, String to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(xlsx.length);
        boolean replaced = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(SHARED_STRINGS)) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    String edited = xml.replace("<t>" + from + "</t>", "<t>" + to + "</t>");
                    replaced = !edited.equals(xml);
                    content = edited.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot edit the workbook: " + e.getMessage(), e);
        }
        if (!replaced) {
            throw new IllegalArgumentException("the workbook has no cell with the text " + from);
        }
        return out.toByteArray();
    }
}
