package io.tributary.connect.source.format;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Excel workbooks (.xlsx), streamed: the sheet's XML is read as a stream of events (StAX) through
 * POI's {@link XSSFReader}, so only the current row is in memory, never the workbook. The first
 * non-empty row is the header; each later row becomes a JSON object of header to cell value:
 * numbers as JSON numbers (exactly as Excel stored them), text as text, booleans as booleans,
 * dates as ISO-8601 ({@code 2024-05-01}, or {@code 2024-05-01T09:30} when there is a time of
 * day, {@code 2024-05-01T09:30Z} with {@code xlsx.time.zone=UTC}), formulas as their cached result, empty cells as null. Fully empty rows are skipped; a
 * cell holding an error (#DIV/0!, #REF!, …) rejects the file.
 */
final class XlsxRowReader implements RowReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XMLInputFactory XML = newFactory();

    private final OPCPackage workbook;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final InputStream sheetStream;
    private final XMLStreamReader sheet;
    private final String sheetName;
    private final java.util.Optional<java.time.ZoneId> timeZone;
    private final List<String> header = new ArrayList<>();
    private long number;

    private XlsxRowReader(OPCPackage workbook, ReadOnlySharedStringsTable strings, StylesTable styles, InputStream sheetStream,
            String sheetName, java.util.Optional<java.time.ZoneId> timeZone) throws XMLStreamException {
        this.timeZone = timeZone;
        this.workbook = workbook;
        this.strings = strings;
        this.styles = styles;
        this.sheetStream = sheetStream;
        this.sheet = XML.createXMLStreamReader(sheetStream);
        this.sheetName = sheetName;
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // A workbook is untrusted input: no DTDs, no external entities.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    static XlsxRowReader open(Path file, ReaderSettings settings) throws IOException, BadFileException {
        WorkbookCheck.requireOfficeXml(file);
        OPCPackage workbook;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw new BadFileException(BadFileReason.CORRUPT_FILE, "not a readable .xlsx workbook (damaged or truncated zip): "
                    + e.getMessage());
        }
        try {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                InputStream stream = sheets.next();
                String name = sheets.getSheetName();
                if (settings.sheet().isEmpty() || settings.sheet().equals(name)) {
                    XlsxRowReader rows = new XlsxRowReader(workbook, strings, styles, stream, name, settings.timeZone());
                    rows.readHeader();
                    return rows;
                }
                names.add(name);
                stream.close();
            }
            throw new BadFileException(BadFileReason.SHEET_NOT_FOUND, names.isEmpty() ? "the workbook has no sheet"
                    : "the workbook has no sheet '" + settings.sheet() + "'; its sheets: " + String.join(", ", names));
        } catch (BadFileException e) {
            workbook.revert();
            throw e;
        } catch (Exception e) {
            workbook.revert();
            throw new BadFileException(BadFileReason.CORRUPT_FILE, "the workbook's parts cannot be read (damaged or truncated): "
                    + e.getMessage());
        }
    }

    private void readHeader() throws BadFileException {
        Row row;
        do {
            row = nextRow();
            if (row == null) {
                throw new BadFileException(BadFileReason.EMPTY_FILE, "sheet '" + sheetName + "' is empty: no header row, no rows");
            }
        } while (row.isEmpty());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < row.cells.size(); i++) {
            Object cell = row.cells.get(i);
            String name = cell == null ? "" : cell.toString().trim();
            if (!name.isEmpty() && !seen.add(name)) {
                throw new BadFileException(BadFileReason.BAD_HEADER, "header row " + row.number + " of sheet '" + sheetName
                        + "' names column '" + name + "' twice", 0, name);
            }
            header.add(name);
        }
        while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) {
            header.remove(header.size() - 1);
        }
    }

    @Override
    public FileRow next() throws BadFileException {
        Row row;
        do {
            row = nextRow();
            if (row == null) {
                return null;
            }
        } while (row.isEmpty());
        number++;
        String where = "row " + row.number + " of sheet '" + sheetName + "'";
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < Math.max(header.size(), row.cells.size()); i++) {
            Object cell = i < row.cells.size() ? row.cells.get(i) : null;
            String name = i < header.size() ? header.get(i) : "";
            String column = CellReference.convertNumToColString(i);
            if (name.isEmpty()) {
                if (cell != null) {
                    throw new BadFileException(BadFileReason.BAD_HEADER, "cell " + column + row.number + " of sheet '" + sheetName
                            + "' holds a value but column " + column + " has no name in the header row", number, column);
                }
                continue;
            }
            if (cell instanceof CellError error) {
                throw new BadFileException(BadFileReason.BAD_ROW, "cell " + column + row.number + " (" + name + ") of sheet '" + sheetName
                        + "' holds the error " + error.code(), number, name);
            }
            put(node, name, cell);
        }
        try {
            return new FileRow(number, where, JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ObjectNode node, String name, Object cell) {
        if (cell == null) {
            node.putNull(name);
        } else if (cell instanceof BigDecimal number) {
            node.put(name, number);
        } else if (cell instanceof Boolean bool) {
            node.put(name, bool);
        } else {
            node.put(name, cell.toString());
        }
    }

    /** A cell holding one of Excel's error values. */
    private record CellError(String code) {
    }

    /** The cells of one sheet row, by column index (null where empty). */
    private static final class Row {
        final long number;
        final List<Object> cells = new ArrayList<>();

        Row(long number) {
            this.number = number;
        }

        boolean isEmpty() {
            return cells.stream().allMatch(c -> c == null || (c instanceof String s && s.isBlank()));
        }

        void set(int column, Object value) {
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, value);
        }
    }

    /** Reads up to the end of the next {@code <row>}, or returns null at the end of the sheet. */
    private Row nextRow() throws BadFileException {
        try {
            while (sheet.hasNext()) {
                if (sheet.next() == XMLStreamConstants.START_ELEMENT && "row".equals(sheet.getLocalName())) {
                    return readRow();
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            throw new BadFileException(BadFileReason.CORRUPT_FILE, "sheet '" + sheetName + "' cannot be read after data row " + number
                    + " (damaged or truncated): " + e.getMessage(), number + 1, "");
        }
    }

    private Row readRow() throws XMLStreamException {
        String r = sheet.getAttributeValue(null, "r");
        Row row = new Row(r == null ? number + 2 : Long.parseLong(r));
        int column = -1;
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(sheet.getLocalName())) {
                return row;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(sheet.getLocalName())) {
                String ref = sheet.getAttributeValue(null, "r");
                column = ref == null ? column + 1 : new CellReference(ref).getCol();
                row.set(column, readCell());
            }
        }
        return row;
    }

    /** The value of the {@code <c>} element the reader is on: its cached value for formulas. */
    private Object readCell() throws XMLStreamException {
        String type = sheet.getAttributeValue(null, "t");
        String style = sheet.getAttributeValue(null, "s");
        String value = null;
        StringBuilder inline = null;
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && "c".equals(sheet.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (sheet.getLocalName()) {
                    case "v" -> value = sheet.getElementText();
                    case "t" -> (inline == null ? inline = new StringBuilder() : inline).append(sheet.getElementText());
                    default -> {
                        // <f> (the formula: its cached result is in <v>), <is>, <r>, <rPr>: nothing to keep
                    }
                }
            }
        }
        return convert(type == null ? "n" : type, style, value, inline);
    }

    private Object convert(String type, String style, String value, StringBuilder inline) {
        switch (type) {
            case "inlineStr":
                return inline == null ? null : inline.toString();
            case "s":
                return value == null ? null : strings.getItemAt(Integer.parseInt(value.trim())).getString();
            case "str", "d":
                return value;
            case "b":
                return value == null ? null : "1".equals(value.trim());
            case "e":
                return new CellError(value == null ? "#N/A" : value);
            default:
                if (value == null || value.isBlank()) {
                    return null;
                }
                XSSFCellStyle dateStyle = dateStyle(style);
                return dateStyle != null ? isoDate(Double.parseDouble(value), showsTime(dateStyle.getDataFormatString())) : exact(value);
        }
    }

    /** The cell's style if its number format shows a date, else null. */
    private XSSFCellStyle dateStyle(String style) {
        if (style == null || styles == null) {
            return null;
        }
        XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
        return cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString()) ? cellStyle : null;
    }

    /** Whether a date format shows a time of day (hours or seconds), quoted text and [colour] sections aside. */
    static boolean showsTime(String format) {
        String bare = format == null ? "" : format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^\\]]*\\]", "")
                .toLowerCase(java.util.Locale.ROOT);
        return bare.contains("h") || bare.contains("s");
    }

    /**
     * Excel's serial day number as ISO-8601: a date alone when the cell's format shows no time of
     * day, else a local date-time, or an instant with its offset when the workbook's time zone is
     * configured.
     */
    private String isoDate(double serial, boolean withTime) {
        java.time.LocalDateTime time = DateUtil.getLocalDateTime(serial, false, true);
        if (!withTime) {
            return time.toLocalDate().toString();
        }
        return timeZone.map(zone -> time.atZone(zone).toOffsetDateTime().toString()).orElse(time.toString());
    }

    /** The number as Excel wrote it, whole numbers without a fraction. */
    private static BigDecimal exact(String text) {
        BigDecimal number = new BigDecimal(text.trim());
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.setScale(0) : number;
    }

    @Override
    public void close() throws IOException {
        try {
            sheet.close();
        } catch (XMLStreamException e) {
            // closing anyway
        }
        sheetStream.close();
        workbook.revert();
    }
}
