package io.tributary.cli.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.cli.demo.ExpenseGenerator;
import io.tributary.cli.demo.ExpenseGenerator.GeneratedRecord;

/** The chaos check must catch what a broken sink or validator does: skip, repeat, alter or misroute a record. */
class DeliveryCheckTest {
    private final List<GeneratedRecord> generated = new ExpenseGenerator(7, Instant.parse("2026-11-28T12:00:00Z")).generate(200, 10);
    private final List<ProducedRecord> produced = generated.stream()
            .map(r -> new ProducedRecord(r.key(), r.valid() ? Fingerprint.ofProduced(r.fields()) : "", r.valid())).toList();

    /** What a correct platform leaves: each valid record once in the lake, each invalid once in rejected. */
    private List<ArrivedRecord> lake() {
        return new ArrayList<>(produced.stream().filter(ProducedRecord::valid).map(p -> new ArrivedRecord(p.key(), p.checksum())).toList());
    }

    private List<String> rejected() {
        return new ArrayList<>(produced.stream().filter(p -> !p.valid()).map(ProducedRecord::key).toList());
    }

    @Test
    void aCorrectDeliveryPasses() {
        DeliveryReport report = new DeliveryCheck().check(produced, lake(), rejected());
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.inLake()).isEqualTo(190);
        assertThat(report.rejected()).isEqualTo(10);
    }

    @Test
    void aSinkThatSkipsARecordIsCaught() {
        List<ArrivedRecord> lake = lake();
        ArrivedRecord skipped = lake.remove(17);
        DeliveryReport report = new DeliveryCheck().check(produced, lake, rejected());
        assertThat(report.ok()).isFalse();
        assertThat(report.lost()).containsExactly(skipped.key());
        assertThat(report.summary()).contains("lost 1 [" + skipped.key() + "]");
    }

    @Test
    void aSinkThatWritesARecordTwiceIsCaught() {
        List<ArrivedRecord> lake = lake();
        lake.add(lake.get(3));
        DeliveryReport report = new DeliveryCheck().check(produced, lake, rejected());
        assertThat(report.duplicated()).containsExactly(lake.get(3).key());
        assertThat(report.lost()).isEmpty();
        assertThat(report.ok()).isFalse();
    }

    @Test
    void aRecordWhoseFieldsChangedOnTheWayIsCaughtByItsChecksum() {
        List<ArrivedRecord> lake = lake();
        ArrivedRecord original = lake.get(5);
        lake.set(5, new ArrivedRecord(original.key(), Fingerprint.md5("something else")));
        DeliveryReport report = new DeliveryCheck().check(produced, lake, rejected());
        assertThat(report.altered()).containsExactly(original.key());
        assertThat(report.ok()).isFalse();
    }

    @Test
    void aLostOrDuplicatedRejectIsCaught() {
        List<String> rejected = rejected();
        String first = rejected.remove(0);
        rejected.add(rejected.get(0));
        DeliveryReport report = new DeliveryCheck().check(produced, lake(), rejected);
        assertThat(report.lost()).containsExactly(first);
        assertThat(report.duplicated()).containsExactly(rejected.get(0));
    }

    @Test
    void aValidRecordRejectedAndARecordNeverProducedAreCaught() {
        List<String> rejected = rejected();
        List<ArrivedRecord> lake = lake();
        ArrivedRecord moved = lake.remove(0);
        rejected.add(moved.key());
        lake.add(new ArrivedRecord("EXP-from-elsewhere", "00"));
        DeliveryReport report = new DeliveryCheck().check(produced, lake, rejected);
        assertThat(report.misrouted()).containsExactly(moved.key());
        assertThat(report.unexpected()).containsExactly("EXP-from-elsewhere");
    }

    @Test
    void theChecksumCoversEveryFieldAsTheLakeSpellsIt() {
        GeneratedRecord r = generated.stream().filter(GeneratedRecord::valid).findFirst().orElseThrow();
        var f = r.fields();
        String canonical = String.join("|", (String) f.get("expense_id"), (String) f.get("employee_id"), (String) f.get("department"),
                ((java.math.BigDecimal) f.get("amount")).toPlainString(), (String) f.get("currency"), (String) f.get("category"),
                Long.toString(Instant.parse((String) f.get("submitted_at")).toEpochMilli()),
                f.get("description") == null ? "<null>" : (String) f.get("description"));
        assertThat(Fingerprint.ofProduced(f)).isEqualTo(Fingerprint.md5(canonical)).hasSize(32);
    }

    @Test
    void keysProducedTwiceCannotBeChecked() {
        List<ProducedRecord> twice = new ArrayList<>(produced);
        twice.add(produced.get(0));
        assertThatThrownBy(() -> new DeliveryCheck().check(twice, lake(), rejected())).hasMessageContaining(produced.get(0).key());
    }
}
