package io.tributary.model;

import java.nio.file.Path;

/** One thing wrong with a descriptor, and where: file, line and column (1-based), field path. */
public record DescriptorProblem(Path file, int line, int column, String field, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
