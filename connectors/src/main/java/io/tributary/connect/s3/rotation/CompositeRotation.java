package io.tributary.connect.s3.rotation;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Rotates when any of its policies says so; the first reason is reported. */
public final class CompositeRotation implements RotationPolicy {
    private final List<RotationPolicy> policies;

    public CompositeRotation(List<RotationPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    @Override
    public Optional<String> beforeAppend(FileStats file, long eventTime) {
        return first(p -> p.beforeAppend(file, eventTime));
    }

    @Override
    public Optional<String> afterAppend(FileStats file) {
        return first(p -> p.afterAppend(file));
    }

    @Override
    public Optional<String> onClock(FileStats file, long nowMillis) {
        return first(p -> p.onClock(file, nowMillis));
    }

    private Optional<String> first(Function<RotationPolicy, Optional<String>> check) {
        for (RotationPolicy policy : policies) {
            Optional<String> reason = check.apply(policy);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }
}
