package io.tributary.catalog.table;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The type of a table column as Athena knows it, written three ways: Hive DDL as Athena and
 * Glue store it ({@code struct<city:string>}), Trino's SQL type ({@code row(city varchar)}) and
 * DuckDB's ({@code STRUCT("city" VARCHAR)}).
 */
public sealed interface ColumnType permits ColumnType.Primitive, ColumnType.Decimal, ColumnType.ArrayOf, ColumnType.MapOf,
        ColumnType.Struct {

    /** Athena DDL and Glue {@code Column.Type}, e.g. {@code map<string,bigint>}. */
    String hive();

    /** Trino SQL, e.g. {@code map(varchar, bigint)}. */
    String trino();

    /** DuckDB SQL, e.g. {@code MAP(VARCHAR, BIGINT)}. */
    String duckdb();

    /** The scalar types. Timestamps are Athena's {@code timestamp}: millisecond precision, no time zone (UTC wall clock). */
    enum Primitive implements ColumnType {
        BOOLEAN("boolean", "boolean", "BOOLEAN"),
        INT("int", "integer", "INTEGER"),
        BIGINT("bigint", "bigint", "BIGINT"),
        FLOAT("float", "real", "FLOAT"),
        DOUBLE("double", "double", "DOUBLE"),
        STRING("string", "varchar", "VARCHAR"),
        BINARY("binary", "varbinary", "BLOB"),
        DATE("date", "date", "DATE"),
        TIMESTAMP("timestamp", "timestamp(3)", "TIMESTAMP");

        private final String hive;
        private final String trino;
        private final String duckdb;

        Primitive(String hive, String trino, String duckdb) {
            this.hive = hive;
            this.trino = trino;
            this.duckdb = duckdb;
        }

        @Override
        public String hive() {
            return hive;
        }

        @Override
        public String trino() {
            return trino;
        }

        @Override
        public String duckdb() {
            return duckdb;
        }
    }

    /** {@code decimal(precision, scale)}; Athena allows a precision of 1 to 38. */
    record Decimal(int precision, int scale) implements ColumnType {
        public static final int MAX_PRECISION = 38;

        public Decimal {
            if (precision < 1 || precision > MAX_PRECISION || scale < 0 || scale > precision) {
                throw new IllegalArgumentException("decimal(" + precision + "," + scale + ") is outside Athena's range: precision 1 to "
                        + MAX_PRECISION + ", scale 0 to the precision");
            }
        }

        @Override
        public String hive() {
            return "decimal(" + precision + "," + scale + ")";
        }

        @Override
        public String trino() {
            return hive();
        }

        @Override
        public String duckdb() {
            return "DECIMAL(" + precision + "," + scale + ")";
        }
    }

    record ArrayOf(ColumnType element) implements ColumnType {
        @Override
        public String hive() {
            return "array<" + element.hive() + ">";
        }

        @Override
        public String trino() {
            return "array(" + element.trino() + ")";
        }

        @Override
        public String duckdb() {
            return element.duckdb() + "[]";
        }
    }

    /** Avro map keys are always strings. */
    record MapOf(ColumnType value) implements ColumnType {
        @Override
        public String hive() {
            return "map<string," + value.hive() + ">";
        }

        @Override
        public String trino() {
            return "map(varchar, " + value.trino() + ")";
        }

        @Override
        public String duckdb() {
            return "MAP(VARCHAR, " + value.duckdb() + ")";
        }
    }

    record Struct(List<Field> fields) implements ColumnType {
        public Struct {
            fields = List.copyOf(fields);
        }

        @Override
        public String hive() {
            return fields.stream().map(f -> f.name() + ":" + f.type().hive()).collect(Collectors.joining(",", "struct<", ">"));
        }

        @Override
        public String trino() {
            return fields.stream().map(f -> "\"" + f.name() + "\" " + f.type().trino()).collect(Collectors.joining(", ", "row(", ")"));
        }

        @Override
        public String duckdb() {
            return fields.stream().map(f -> "\"" + f.name() + "\" " + f.type().duckdb()).collect(Collectors.joining(", ", "STRUCT(", ")"));
        }

        public java.util.Optional<Field> field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst();
        }
    }

    /** A field of a {@link Struct}. */
    record Field(String name, ColumnType type) {
    }
}
