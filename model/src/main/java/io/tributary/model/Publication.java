package io.tributary.model;

import java.util.List;

/** A dataset or entity of this zone that the zones in {@code to} may use as a source or lookup. */
public record Publication(String dataset, List<String> to, Place place) {

    public Publication {
        to = List.copyOf(to);
    }
}
