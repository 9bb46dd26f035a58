package io.tributary.cli.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.cli.harness.CorpusCase.Channel;
import io.tributary.cli.harness.CorpusCase.Expected;
import io.tributary.cli.harness.CorpusCase.LandingInput;

/** The corpus accounting must fail when a component loses a reject, gives the wrong reason, or answers the wrong status. */
class CorpusAccountingTest {
    private final CorpusCase notJson = landing("json_truncated", Expected.rejected("NOT_JSON"));
    private final CorpusCase missing = landing("json_missing_required", Expected.rejected("MISSING_FIELD", "count"));
    private final CorpusCase control = landing("json_valid_control", Expected.accepted());
    private final CorpusCase http = new CorpusCase("http_wrong_content_type", Channel.HTTP, "events", "text/plain",
            Expected.refused(415), new CorpusCase.HttpInput("qa", "events", "text/plain", new byte[1]));
    private final CorpusCase badCell = new CorpusCase("xlsx_bad_cell", Channel.EXCEL, "sheets", "bad cell",
            Expected.batchRejected("BAD_VALUE"), new CorpusCase.FileInput("bad.xlsx", new byte[1]));

    private List<CaseResult> correct() {
        return new ArrayList<>(List.of(
                new CaseResult(notJson, 1, 0, 1, List.of("NOT_JSON"), List.of(""), -1, null),
                new CaseResult(missing, 1, 0, 1, List.of("MISSING_FIELD"), List.of("count"), -1, null),
                new CaseResult(control, 1, 1, 0, List.of(), List.of(), -1, null),
                new CaseResult(http, 0, 0, 0, List.of(), List.of(), 415, null),
                new CaseResult(badCell, 3, 0, 3, List.of("BATCH_REJECTED", "BAD_VALUE", "BATCH_REJECTED"), List.of("", "category", ""), -1,
                        "RECORDS_REJECTED")));
    }

    @Test
    void aSoundRunHasNoProblems() {
        assertThat(new CorpusAccounting().check(correct(), List.of())).isEmpty();
    }

    @Test
    void aDroppedRejectFailsTheAccountingForItsCaseAndDataset() {
        List<CaseResult> results = correct();
        results.set(0, results.get(0).withoutOneReject());
        List<String> problems = new CorpusAccounting().check(results, List.of());
        assertThat(problems).anyMatch(p -> p.startsWith("json_truncated: 1 landed but 0 accepted + 0 rejected"));
        assertThat(problems).anyMatch(p -> p.equals("dataset events: 3 landed, 1 accepted + 1 rejected"));
    }

    @Test
    void aRejectOfABatchDroppedFailsTheAccounting() {
        List<CaseResult> results = correct();
        results.set(4, results.get(4).withoutOneReject());
        assertThat(new CorpusAccounting().check(results, List.of())).anyMatch(p -> p.startsWith("xlsx_bad_cell: 3 landed but 0 accepted + 2 rejected"));
    }

    @Test
    void aRecordCountedTwiceFailsTheAccounting() {
        List<CaseResult> results = correct();
        results.set(2, new CaseResult(control, 1, 2, 0, List.of(), List.of(), -1, null));
        assertThat(new CorpusAccounting().check(results, List.of())).anyMatch(p -> p.startsWith("json_valid_control: 1 landed but 2 accepted"));
    }

    @Test
    void theWrongReasonOrFieldIsReported() {
        List<CaseResult> results = correct();
        results.set(0, new CaseResult(notJson, 1, 0, 1, List.of("NOT_AN_OBJECT"), List.of(""), -1, null));
        results.set(1, new CaseResult(missing, 1, 0, 1, List.of("MISSING_FIELD"), List.of("amount"), -1, null));
        assertThat(new CorpusAccounting().check(results, List.of())).containsExactly(
                "json_truncated: expected rejected NOT_JSON, observed landed 1, accepted 0, rejected 1 [NOT_AN_OBJECT] (wrong reason code)",
                "json_missing_required: expected rejected MISSING_FIELD at count, observed landed 1, accepted 0, rejected 1 [MISSING_FIELD] (wrong field)");
    }

    @Test
    void aWrongHttpStatusAndAStoppedComponentAreReported() {
        List<CaseResult> results = correct();
        results.set(3, new CaseResult(http, 0, 0, 0, List.of(), List.of(), 400, null));
        assertThat(new CorpusAccounting().check(results, List.of("qa-validator (DOWN)")))
                .containsExactly("http_wrong_content_type: expected HTTP 415, observed HTTP 400; landed 0, accepted 0, rejected 0 (wrong HTTP status)",
                        "component qa-validator (DOWN) is not up after the corpus");
    }

    @Test
    void aValidRecordRejectedIsReported() {
        List<CaseResult> results = correct();
        results.set(2, new CaseResult(control, 1, 0, 1, List.of("NOT_JSON"), List.of(""), -1, null));
        assertThat(new CorpusAccounting().check(results, Collections.emptyList())).singleElement().asString()
                .startsWith("json_valid_control: expected accepted").endsWith("(not every record reached staging)");
    }

    private static CorpusCase landing(String name, Expected expected) {
        return new CorpusCase(name, Channel.JSON, "events", name, expected, new LandingInput(new byte[1], java.util.Map.of()));
    }
}
