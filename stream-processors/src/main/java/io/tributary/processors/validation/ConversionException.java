package io.tributary.processors.validation;

/**
 * A value cannot be converted; thrown from deep inside a record and turned into a rejection at the
 * top. No stack trace: it is expected, frequent, and the path says where.
 */
final class ConversionException extends RuntimeException {
    private final RejectReason reason;
    private final FieldPath path;

    ConversionException(RejectReason reason, FieldPath path, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.path = path;
    }

    RejectReason reason() {
        return reason;
    }

    FieldPath path() {
        return path;
    }

    ValidationOutcome.Rejected toOutcome() {
        return ValidationOutcome.rejected(reason, path.toString(), getMessage());
    }
}
