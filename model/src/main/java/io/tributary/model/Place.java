package io.tributary.model;

/** Where something is declared in its descriptor file, for problems found after loading (e.g. across zones). */
public record Place(int line, int column, String field) {
    public static final Place UNKNOWN = new Place(0, 0, "");
}
