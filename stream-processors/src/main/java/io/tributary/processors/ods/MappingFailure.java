package io.tributary.processors.ods;

import io.tributary.processors.validation.RejectReason;

/** One source record cannot be mapped to its entity; the record goes to rejected with these reasons. */
public final class MappingFailure extends Exception {
    private final RejectReason reason;
    private final String field;

    public MappingFailure(RejectReason reason, String field, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    public RejectReason reason() {
        return reason;
    }

    /** The entity field being filled, or the source field that was missing. */
    public String field() {
        return field;
    }
}
