package io.tributary.processors.topology;

/**
 * Bounds that protect the validator from hostile or broken input.
 *
 * @param maxRecordBytes  a larger landing value is rejected as {@code TOO_LARGE} before it is parsed
 * @param maxNestingDepth JSON nested deeper is rejected as {@code TOO_DEEP}
 */
public record ValidatorLimits(int maxRecordBytes, int maxNestingDepth) {
    public static final ValidatorLimits DEFAULTS = new ValidatorLimits(1024 * 1024, 64);
}
