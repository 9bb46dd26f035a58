package io.tributary.connect.source.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Tells an .xlsx apart from what may hide behind the extension before POI opens it: a
 * password-protected workbook is not a zip but an OLE2 container holding the encrypted package;
 * a legacy .xls is OLE2 too; anything else is not a workbook.
 */
final class WorkbookCheck {
    private WorkbookCheck() {
    }

    static void requireOfficeXml(Path file) throws IOException, BadFileException {
        if (Files.size(file) == 0) {
            throw new BadFileException(BadFileReason.EMPTY_FILE, "the file is empty (0 bytes)");
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        if (magic == FileMagic.OOXML) {
            return;
        }
        if (magic == FileMagic.OLE2) {
            boolean encrypted;
            try (POIFSFileSystem ole = new POIFSFileSystem(file.toFile(), true)) {
                encrypted = ole.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY) || ole.getRoot().hasEntry("EncryptionInfo");
            } catch (IOException | RuntimeException e) {
                throw new BadFileException(BadFileReason.CORRUPT_FILE, "not a readable workbook: " + e.getMessage());
            }
            if (encrypted) {
                throw new BadFileException(BadFileReason.ENCRYPTED_FILE, "the workbook is password-protected (encrypted);"
                        + " save it without a password to ingest it");
            }
            throw new BadFileException(BadFileReason.UNSUPPORTED_FORMAT, "the file is a legacy Excel 97-2003 workbook (.xls)"
                    + " named .xlsx; save it as .xlsx");
        }
        throw new BadFileException(BadFileReason.CORRUPT_FILE, "not an .xlsx workbook: the file does not start like a zip"
                + " (found " + magic + ")");
    }
}
