package io.tributary.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one descriptor file. */
final class Problems {
    private final Path file;
    private final List<DescriptorProblem> list = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    void add(int line, int column, String field, String message) {
        list.add(new DescriptorProblem(file, line, column, field, message));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    DescriptorException toException() {
        return new DescriptorException(list);
    }
}
