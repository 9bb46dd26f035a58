package io.tributary.connect.source.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the example zone's sample spreadsheet of expense reports,
 * {@code examples/zones/finance/expense-reports.xlsx}: the columns of the {@code expenses}
 * dataset's schema, date-times as Excel dates, lodging amounts as formulas (nights × rate, two
 * helper columns the schema ignores), some descriptions left empty. Run with the path to write.
 */
public final class ExampleWorkbook {
    public static final String[] COLUMNS = {"expense_id", "employee_id", "department", "amount", "currency", "category", "submitted_at",
        "description", "nights", "nightly_rate"};
    private static final String[] CATEGORIES = {"TRAVEL", "MEALS", "LODGING", "SUPPLIES", "SOFTWARE", "TRAINING", "OTHER"};
    private static final String[] DEPARTMENTS = {"sales", "engineering", "finance", "marketing"};

    private ExampleWorkbook() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "examples/zones/finance/expense-reports.xlsx");
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(workbook(24));
        }
        System.out.println("Wrote " + target);
    }

    public static byte[] workbook(int rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("Expense reports");
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
            XSSFRow header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.length; i++) {
                header.createCell(i).setCellValue(COLUMNS[i]);
            }
            for (int i = 1; i <= rows; i++) {
                XSSFRow row = sheet.createRow(i);
                String category = CATEGORIES[i % CATEGORIES.length];
                row.createCell(0).setCellValue(String.format("EXP-2024-%04d", i));
                row.createCell(1).setCellValue(String.format("E%03d", 100 + i % 9));
                row.createCell(2).setCellValue(DEPARTMENTS[i % DEPARTMENTS.length]);
                var amount = row.createCell(3);
                if ("LODGING".equals(category)) {
                    row.createCell(8).setCellValue(1 + i % 3);
                    row.createCell(9).setCellValue(89.5);
                    amount.setCellFormula("I" + (i + 1) + "*J" + (i + 1));
                } else {
                    amount.setCellValue(Math.round((12.5 + i * 7.3) * 100) / 100.0);
                }
                amount.setCellStyle(money);
                row.createCell(4).setCellValue(i % 5 == 0 ? "USD" : "EUR");
                row.createCell(5).setCellValue(category);
                var submitted = row.createCell(6);
                submitted.setCellValue(LocalDateTime.of(2024, 5, 1, 8, 0).plusHours(i * 5L));
                submitted.setCellStyle(dateTime);
                if (i % 4 != 0) {
                    row.createCell(7).setCellValue(category.charAt(0) + category.substring(1).toLowerCase() + " claim " + i);
                }
            }
            for (int i = 0; i < COLUMNS.length; i++) {
                sheet.setColumnWidth(i, 16 * 256);
            }
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            var out = new java.io.ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
