package io.tributary.cli.harness;

import java.util.List;

/**
 * What the platform did with one corpus case: how many records landed, how many reached staging
 * and how many were rejected (with which reasons and fields), the HTTP status answered (-1 when
 * not sent over HTTP), and the reason of a file or batch report (null when none).
 */
public record CaseResult(CorpusCase corpusCase, int landed, int accepted, int rejected, List<String> reasons, List<String> fields,
                         int httpStatus, String reportReason) {

    public CaseResult {
        reasons = List.copyOf(reasons);
        fields = List.copyOf(fields);
    }

    /** The case as a wrong component would leave it: one of its rejects gone. */
    public CaseResult withoutOneReject() {
        return new CaseResult(corpusCase, landed, accepted, rejected - 1, reasons.subList(1, reasons.size()),
                fields.isEmpty() ? fields : fields.subList(1, fields.size()), httpStatus, reportReason);
    }

    public String observed() {
        return (httpStatus >= 0 ? "HTTP " + httpStatus + "; " : "") + "landed " + landed + ", accepted " + accepted + ", rejected "
                + rejected + (reasons.isEmpty() ? "" : " " + reasons) + (reportReason == null ? "" : ", report " + reportReason);
    }
}
