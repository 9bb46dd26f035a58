package io.tributary.cli.sql;

import java.io.PrintWriter;

import io.tributary.catalog.QueryResult;
import io.tributary.catalog.TablePrinter;

/** How `tributary sql` prints a result: an aligned table for people, CSV or JSON lines for programs. */
public enum OutputFormat {
    TABLE {
        @Override
        public void write(QueryResult result, PrintWriter out) {
            out.println(new TablePrinter().render(result));
        }
    },
    /** RFC 4180, a header line, NULL as an empty field. */
    CSV {
        @Override
        public void write(QueryResult result, PrintWriter out) {
            ResultWriters.csv(result, out);
        }
    },
    /** One JSON object per row, keys in column order; numbers stay numbers, times ISO-8601 text. */
    JSON {
        @Override
        public void write(QueryResult result, PrintWriter out) {
            ResultWriters.json(result, out);
        }
    };

    public abstract void write(QueryResult result, PrintWriter out);
}
