package io.tributary.processors.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.header.Headers;

import io.tributary.model.DatasetSpec;
import io.tributary.model.RuleAction;
import io.tributary.processors.rules.RuleFailure;
import io.tributary.processors.validation.RejectReason;
import io.tributary.processors.validation.ValidationOutcome;

/**
 * Decides what becomes of one landing record of a dataset: size check, parse and convert, rules,
 * then encode for staging. Applies the dataset's current contract, which a newer registered
 * schema version may replace while records flow ({@link #evolve}); each record is judged by one
 * contract from start to end.
 */
public final class DatasetValidator {
    private final DatasetSpec dataset;
    private final ValidatorLimits limits;
    private final AtomicReference<DatasetContract> contract;

    public DatasetValidator(DatasetContract contract, ValidatorLimits limits) {
        this.dataset = contract.dataset();
        this.limits = limits;
        this.contract = new AtomicReference<>(contract);
    }

    public DatasetSpec dataset() {
        return dataset;
    }

    public DatasetContract contract() {
        return contract.get();
    }

    /** From the next record on, records are judged by {@code next}. */
    public void evolve(DatasetContract next) {
        contract.set(next);
    }

    public Verdict validate(byte[] value, Headers headers) {
        if (value != null && value.length > limits.maxRecordBytes()) {
            return new Verdict.Rejected(value, ValidationOutcome.rejected(RejectReason.TOO_LARGE, "", "the value has "
                    + value.length + " bytes; this validator accepts at most " + limits.maxRecordBytes()));
        }
        DatasetContract current = contract.get();
        ValidationOutcome outcome = current.parser().parse(value, headers);
        if (!(outcome instanceof ValidationOutcome.Valid valid)) {
            return new Verdict.Rejected(value, (ValidationOutcome.Rejected) outcome);
        }
        List<RuleFailure> failures = current.rules().evaluate(valid.record());
        List<String> warnings = List.of();
        RuleFailure rejecting = null;
        boolean failsBatch = false;
        for (RuleFailure failure : failures) {
            RuleAction action = failure.rule().action();
            if (action == RuleAction.WARN) {
                if (warnings.isEmpty()) {
                    warnings = new ArrayList<>(2);
                }
                warnings.add(failure.rule().name());
            } else {
                failsBatch |= action == RuleAction.FAIL_BATCH;
                if (rejecting == null) {
                    rejecting = failure;
                }
            }
        }
        if (rejecting != null) {
            return new Verdict.Rejected(value, new ValidationOutcome.Rejected(rejecting.error() ? RejectReason.RULE_ERROR
                    : RejectReason.RULE_FAILED, rejecting.rule().name(), rejecting.rule().field(), rejecting.message()), failsBatch);
        }
        return current.encoder().encode(valid.record(), value, warnings);
    }
}
