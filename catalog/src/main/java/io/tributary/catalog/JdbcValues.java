package io.tributary.catalog;

import java.sql.Array;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duckdb.DuckDBStruct;

/** Turns driver objects (DuckDB's, Trino's) into plain Java values that stay valid after the result set is closed. */
public final class JdbcValues {
    private JdbcValues() {
    }

    public static Object plain(Object value) throws SQLException {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof io.trino.jdbc.Row row) {
            Map<Object, Object> fields = new LinkedHashMap<>();
            for (io.trino.jdbc.RowField field : row.getFields()) {
                fields.put(field.getName().orElse(""), plain(field.getValue()));
            }
            return fields;
        }
        if (value instanceof Array array) {
            List<Object> list = new ArrayList<>();
            for (Object element : (Object[]) array.getArray()) {
                list.add(plain(element));
            }
            return list;
        }
        if (value instanceof DuckDBStruct struct) {
            return plainMap(struct.getMap());
        }
        if (value instanceof Struct struct) {
            List<Object> attributes = new ArrayList<>();
            for (Object attribute : struct.getAttributes()) {
                attributes.add(plain(attribute));
            }
            return attributes;
        }
        if (value instanceof Map<?, ?> map) {
            return plainMap(map);
        }
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        return value;
    }

    private static Map<Object, Object> plainMap(Map<?, ?> map) throws SQLException {
        Map<Object, Object> plain = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            plain.put(plain(entry.getKey()), plain(entry.getValue()));
        }
        return plain;
    }
}
