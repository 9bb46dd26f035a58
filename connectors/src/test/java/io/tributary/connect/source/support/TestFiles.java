package io.tributary.connect.source.support;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds the files the ingress tests drop: workbooks with POI, Parquet with parquet-avro. */
public final class TestFiles {
    private TestFiles() {
    }

    /**
     * An expense report workbook: a cover sheet first (so the data sheet must be named), then
     * sheet {@code Claims} with a header row, numbers, text, a date, a date-time, a boolean, a
     * formula ({@code =C*2}, with its cached value), an empty cell in row 3, and a blank row.
     */
    public static byte[] expenseWorkbook(int rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Cover").createRow(0).createCell(0).setCellValue("Expense report, May 2024");
            XSSFSheet sheet = workbook.createSheet("Claims");
            CreationHelper helper = workbook.getCreationHelper();
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            XSSFRow header = sheet.createRow(0);
            String[] names = {"expense_id", "employee", "amount", "spent_on", "submitted_at", "approved", "amount_doubled", "note"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            int r = 1;
            for (int i = 1; i <= rows; i++) {
                if (i == 3) {
                    r++; // a blank row in the middle: skipped
                }
                XSSFRow row = sheet.createRow(r);
                row.createCell(0).setCellValue("E-" + i);
                row.createCell(1).setCellValue("employee " + (i % 7));
                row.createCell(2).setCellValue(10 + i + 0.25);
                var spentOn = row.createCell(3);
                spentOn.setCellValue(LocalDate.of(2024, 5, 1).plusDays(i % 28));
                spentOn.setCellStyle(date);
                var submitted = row.createCell(4);
                submitted.setCellValue(LocalDateTime.of(2024, 5, 2, 9, 30).plusMinutes(i));
                submitted.setCellStyle(dateTime);
                row.createCell(5).setCellValue(i % 2 == 0);
                row.createCell(6).setCellFormula("C" + (r + 1) + "*2");
                if (i != 2) {
                    row.createCell(7).setCellValue("note " + i);
                }
                r++;
            }
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            return bytes(workbook);
        }
    }

    /** A one-sheet workbook whose row 2 has a formula that divides by zero: Excel caches #DIV/0!. */
    public static byte[] workbookWithErrorCell() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("Claims");
            sheet.createRow(0).createCell(0).setCellValue("expense_id");
            sheet.getRow(0).createCell(1).setCellValue("ratio");
            XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellValue("E-1");
            row.createCell(1).setCellFormula("1/0");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            return bytes(workbook);
        }
    }

    /** A workbook protected by a password (agile encryption): an OLE2 container, not a zip. */
    public static byte[] encryptedWorkbook() throws Exception {
        byte[] plain = expenseWorkbook(2);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(plain);
            }
            var bytes = new java.io.ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        }
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    public static final Schema EXPENSE_SCHEMA = SchemaBuilder.record("Expense").namespace("finance").fields()
            .requiredString("expense_id")
            .name("amount").type(LogicalTypes.decimal(9, 2).addToSchema(Schema.create(Schema.Type.BYTES))).noDefault()
            .name("spent_on").type(LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT))).noDefault()
            .name("submitted_at").type(LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
            .optionalString("note")
            .requiredLong("count")
            .endRecord();

    /** A Parquet file of {@code rows} expenses (decimal, date, timestamp, optional text). */
    public static byte[] expenseParquet(Path dir, int rows) throws IOException {
        Path file = dir.resolve("expenses-" + System.nanoTime() + ".parquet");
        Conversions.DecimalConversion decimals = new Conversions.DecimalConversion();
        Schema amountSchema = EXPENSE_SCHEMA.getField("amount").schema();
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withSchema(EXPENSE_SCHEMA).withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (int i = 1; i <= rows; i++) {
                GenericRecord r = new GenericData.Record(EXPENSE_SCHEMA);
                r.put("expense_id", "P-" + i);
                ByteBuffer amount = decimals.toBytes(new BigDecimal("12.50").add(BigDecimal.valueOf(i)), amountSchema,
                        amountSchema.getLogicalType());
                r.put("amount", amount);
                r.put("spent_on", (int) LocalDate.of(2024, 5, 1).toEpochDay());
                r.put("submitted_at", 1_714_557_600_000L + i);
                r.put("note", i % 2 == 0 ? null : "note " + i);
                r.put("count", (long) i);
                writer.write(r);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        return bytes;
    }

    /** CSV text with a header line and {@code rows} rows: id, a quoted cell with a comma, an amount. */
    public static String expenseCsv(int rows) {
        StringBuilder csv = new StringBuilder("expense_id,description,amount\r\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("C-").append(i).append(",\"taxi, airport\",").append(10 + i).append(".50\r\n");
        }
        return csv.toString();
    }

    public static List<String> lines(String text) {
        return text.lines().toList();
    }
}
