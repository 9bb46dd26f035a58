package io.tributary.cli.batches;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class BatchCatalogTest {

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void arrivalsAreJoinedWithTheValidatorsOutcomeByBatchId() {
        BatchCatalog catalog = new BatchCatalog("finance", "expenses");
        catalog.add(b("arrival:finance.expenses/may.xlsx@e1"), b("""
                {"kind":"ARRIVAL","batchId":"may.xlsx@e1","source":"s3://ingress/finance/expenses/may.xlsx","size":2048,"records":12,
                 "arrivedAt":"2024-05-01T10:00:00Z","status":"INGESTED"}"""));
        catalog.add(b("arrival:finance.expenses/june.csv@e2"), b("""
                {"kind":"ARRIVAL","batchId":"june.csv@e2","source":"s3://ingress/finance/expenses/june.csv","size":100,"records":3,
                 "arrivedAt":"2024-06-01T10:00:00Z","status":"INGESTED"}"""));
        catalog.add(b("arrival:finance.expenses/july.xlsx@e3"), b("""
                {"kind":"ARRIVAL","batchId":"july.xlsx@e3","source":"s3://ingress/finance/expenses/july.xlsx","size":10,"records":0,
                 "arrivedAt":"2024-07-01T10:00:00Z","status":"REJECTED","reason":"ENCRYPTED_FILE","message":"the workbook is password-protected"}"""));
        catalog.add(b("finance.expenses/may.xlsx@e1"), b("""
                {"zone":"finance","dataset":"expenses","batchId":"may.xlsx@e1","outcome":"PROMOTED","reason":null,"message":null,
                 "records":12,"expectedRecords":12,"accepted":12,"rejected":0,"warned":0,"openedAt":"2024-05-01T10:00:01Z"}"""));
        catalog.add(b("finance.expenses/july.xlsx@e3"), b("""
                {"zone":"finance","dataset":"expenses","batchId":"july.xlsx@e3","outcome":"REJECTED","reason":"ENCRYPTED_FILE",
                 "message":"file rejected: the workbook is password-protected","records":0}"""));
        catalog.add(b("finance.expenses/api-42"), b("""
                {"zone":"finance","dataset":"expenses","batchId":"api-42","outcome":"REJECTED","reason":"RECORDS_REJECTED",
                 "message":"1 of 3 records failed","records":3,"accepted":0,"rejected":3,"openedAt":"2024-08-01T10:00:00Z"}"""));
        // other datasets, other zones, garbage: ignored
        catalog.add(b("finance.other/x"), b("{\"outcome\":\"PROMOTED\"}"));
        catalog.add(b("arrival:audit.expenses/x"), b("{\"status\":\"INGESTED\"}"));
        catalog.add(b("finance.expenses/broken"), b("not json"));

        List<BatchEntry> entries = catalog.entries();
        assertThat(entries).extracting(BatchEntry::batchId).containsExactly("may.xlsx@e1", "june.csv@e2", "july.xlsx@e3", "api-42");
        assertThat(entries).extracting(BatchEntry::status).containsExactly("PROMOTED", "ARRIVED", "REJECTED", "REJECTED");
        assertThat(entries.get(0).records()).isEqualTo(12);
        assertThat(entries.get(0).accepted()).isEqualTo(12);
        assertThat(entries.get(0).source()).isEqualTo("s3://ingress/finance/expenses/may.xlsx");
        assertThat(entries.get(2).reason()).isEqualTo("ENCRYPTED_FILE");
        assertThat(entries.get(3).source()).isEqualTo("-");
        assertThat(entries.get(3).records()).isEqualTo(3);
    }
}
