package io.tributary.connect.s3.rotation;

import java.util.List;
import java.util.Optional;

/** Rotates when any of its policies says so; the first reason is reported. Checked for every record, so kept allocation-free. */
public final class CompositeRotation implements RotationPolicy {
    private final RotationPolicy[] policies;

    public CompositeRotation(List<RotationPolicy> policies) {
        this.policies = policies.toArray(new RotationPolicy[0]);
    }

    @Override
    public Optional<String> beforeAppend(FileStats file, long eventTime) {
        for (RotationPolicy policy : policies) {
            Optional<String> reason = policy.beforeAppend(file, eventTime);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> afterAppend(FileStats file) {
        for (RotationPolicy policy : policies) {
            Optional<String> reason = policy.afterAppend(file);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> onClock(FileStats file, long nowMillis) {
        for (RotationPolicy policy : policies) {
            Optional<String> reason = policy.onClock(file, nowMillis);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }
}
