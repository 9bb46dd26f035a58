package io.tributary.security.acl;

import java.util.List;

/** Rows of text as a table with aligned columns, the first row its header. */
public final class TextTable {
    private TextTable() {
    }

    public static String render(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            line(text, rows.get(r), widths);
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int w : widths) {
                    rule.append(rule.length() == 0 ? "" : "-+-").append("-".repeat(w));
                }
                text.append(rule).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    private static void line(StringBuilder text, List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = i < row.size() ? row.get(i) : "";
            line.append(i == 0 ? "" : " | ").append(cell).append(" ".repeat(widths[i] - cell.length()));
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
