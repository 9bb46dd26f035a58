package io.tributary.topics;

/** One topic config whose value on the cluster differs from the descriptor's; {@code oldValue} may be null. */
public record ConfigChange(String key, String oldValue, String newValue) {

    @Override
    public String toString() {
        return key + ": " + (oldValue == null ? "(unset)" : oldValue) + " -> " + newValue;
    }
}
