package io.tributary.catalog.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvroColumnsTest {

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"t\",\"fields\":[" + fields + "]}");
    }

    private static ColumnType typeOf(String avroType) {
        return AvroColumns.of(record("{\"name\":\"f\",\"type\":" + avroType + "}")).get(0).type();
    }

    @ParameterizedTest(name = "{0} → {1} / {2} / {3}")
    @CsvSource(delimiter = '|', value = {
        "\"boolean\"                                                               | boolean        | boolean        | BOOLEAN",
        "\"int\"                                                                   | int            | integer        | INTEGER",
        "\"long\"                                                                  | bigint         | bigint         | BIGINT",
        "\"float\"                                                                 | float          | real           | FLOAT",
        "\"double\"                                                                | double         | double         | DOUBLE",
        "\"string\"                                                                | string         | varchar        | VARCHAR",
        "{\"type\":\"string\",\"logicalType\":\"uuid\"}                            | string         | varchar        | VARCHAR",
        "\"bytes\"                                                                 | binary         | varbinary      | BLOB",
        "{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}                            | binary         | varbinary      | BLOB",
        "{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2} | decimal(12,2)  | decimal(12,2)  | DECIMAL(12,2)",
        "{\"type\":\"fixed\",\"name\":\"D\",\"size\":16,\"logicalType\":\"decimal\",\"precision\":38,\"scale\":10} | decimal(38,10) | decimal(38,10) | DECIMAL(38,10)",
        "{\"type\":\"int\",\"logicalType\":\"date\"}                               | date           | date           | DATE",
        "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}                  | timestamp      | timestamp(3)   | TIMESTAMP",
        "{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}                  | timestamp      | timestamp(3)   | TIMESTAMP",
        "{\"type\":\"long\",\"logicalType\":\"local-timestamp-millis\"}            | timestamp      | timestamp(3)   | TIMESTAMP",
        "{\"type\":\"long\",\"logicalType\":\"local-timestamp-micros\"}            | timestamp      | timestamp(3)   | TIMESTAMP",
        "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}              | string         | varchar        | VARCHAR",
        "{\"type\":\"array\",\"items\":\"string\"}                                 | array<string>  | array(varchar) | VARCHAR[]",
        "{\"type\":\"map\",\"values\":\"long\"}                                    | map<string,bigint> | map(varchar, bigint) | MAP(VARCHAR, BIGINT)",
        "[\"null\",\"double\"]                                                     | double         | double         | DOUBLE",
        "[\"string\",\"null\"]                                                     | string         | varchar        | VARCHAR",
        "[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}]       | timestamp      | timestamp(3)   | TIMESTAMP",
    })
    void mapsEachAvroType(String avro, String hive, String trino, String duckdb) {
        ColumnType type = typeOf(avro);
        assertThat(type.hive()).isEqualTo(hive);
        assertThat(type.trino()).isEqualTo(trino);
        assertThat(type.duckdb()).isEqualTo(duckdb);
    }

    @Test
    void nestedRecordsBecomeStructsInsideArraysAndMaps() {
        ColumnType type = typeOf("""
                {"type":"array","items":{"type":"record","name":"Line","fields":[
                  {"name":"sku","type":"string"},
                  {"name":"qty","type":["null","int"]},
                  {"name":"tags","type":{"type":"map","values":{"type":"array","items":"string"}}},
                  {"name":"Price","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}}]}}""");
        assertThat(type.hive()).isEqualTo("array<struct<sku:string,qty:int,tags:map<string,array<string>>,price:decimal(9,2)>>");
        assertThat(type.trino()).isEqualTo(
                "array(row(\"sku\" varchar, \"qty\" integer, \"tags\" map(varchar, array(varchar)), \"price\" decimal(9,2)))");
        assertThat(type.duckdb()).isEqualTo(
                "STRUCT(\"sku\" VARCHAR, \"qty\" INTEGER, \"tags\" MAP(VARCHAR, VARCHAR[]), \"price\" DECIMAL(9,2))[]");
    }

    @Test
    void columnsKeepFieldOrderLowerCaseNamesAndDocs() {
        List<TableColumn> columns = AvroColumns.of(record("""
                {"name":"expenseId","type":"string","doc":"Claim number"},
                {"name":"amount","type":"double"}"""));
        assertThat(columns).containsExactly(new TableColumn("expenseid", ColumnType.Primitive.STRING, "Claim number"),
                new TableColumn("amount", ColumnType.Primitive.DOUBLE, ""));
    }

    @Test
    void theSameRecordTwiceSideBySideIsNotRecursion() {
        ColumnType from = typeOf("{\"type\":\"record\",\"name\":\"Pair\",\"fields\":[{\"name\":\"a\",\"type\":{\"type\":\"record\","
                + "\"name\":\"P\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}},{\"name\":\"b\",\"type\":\"P\"}]}");
        assertThat(from.hive()).isEqualTo("struct<a:struct<x:int>,b:struct<x:int>>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "union of two types | {\"name\":\"v\",\"type\":[\"null\",\"string\",\"long\"]} | v | Athena has no union type",
        "time-millis | {\"name\":\"at\",\"type\":{\"type\":\"int\",\"logicalType\":\"time-millis\"}} | at | no time-of-day column type",
        "time-micros | {\"name\":\"at\",\"type\":{\"type\":\"long\",\"logicalType\":\"time-micros\"}} | at | no time-of-day column type",
        "decimal too wide | {\"name\":\"big\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":40,\"scale\":2}} | big | precision at most 38",
        "always null | {\"name\":\"nothing\",\"type\":\"null\"} | nothing | always null",
        "empty record | {\"name\":\"e\",\"type\":{\"type\":\"record\",\"name\":\"Empty\",\"fields\":[]}} | e | has no fields",
        "nested union | {\"name\":\"lines\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"record\",\"name\":\"L\",\"fields\":[{\"name\":\"amount\",\"type\":[\"int\",\"string\"]}]}}} | lines[].amount | Athena has no union type",
        "names folding together | {\"name\":\"Total\",\"type\":\"int\"},{\"name\":\"total\",\"type\":\"int\"} | total | would be the same column",
    })
    void refusesWhatAthenaCannotRepresentNamingTheField(String what, String fields, String path, String message) {
        assertThatThrownBy(() -> AvroColumns.of(record(fields)))
                .isInstanceOf(UnsupportedSchemaException.class)
                .hasMessageStartingWith("field '" + path + "': ")
                .hasMessageContaining(message)
                .extracting(e -> ((UnsupportedSchemaException) e).fieldPath()).isEqualTo(path);
    }

    @Test
    void refusesRecursiveRecordsNamingTheField() {
        Schema node = new Schema.Parser().parse("""
                {"type":"record","name":"Node","fields":[{"name":"id","type":"int"},
                 {"name":"children","type":{"type":"array","items":"Node"}}]}""");
        assertThatThrownBy(() -> AvroColumns.of(node))
                .isInstanceOf(UnsupportedSchemaException.class)
                .hasMessageStartingWith("field 'children[]': ")
                .hasMessageContaining("contains itself");
    }

    @Test
    void durationIsRefused() {
        Schema schema = record("{\"name\":\"d\",\"type\":{\"type\":\"fixed\",\"name\":\"Dur\",\"size\":12,\"logicalType\":\"duration\"}}");
        assertThatThrownBy(() -> AvroColumns.of(schema)).hasMessageStartingWith("field 'd': ").hasMessageContaining("interval");
    }
}
