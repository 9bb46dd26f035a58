package io.tributary.model;

import java.util.List;
import java.util.stream.Collectors;

/** A descriptor is not valid; {@link #problems()} lists every problem found, not only the first. */
public class DescriptorException extends RuntimeException {
    private final List<DescriptorProblem> problems;

    public DescriptorException(List<DescriptorProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<DescriptorProblem> problems() {
        return problems;
    }

    private static String format(List<DescriptorProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in zone descriptor:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
