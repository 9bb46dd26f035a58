package io.tributary.model;

import java.util.Objects;

/**
 * A dataset or entity named in a descriptor: {@code fx_rates} (this zone's) or
 * {@code hr.departments} (published by zone {@code hr}).
 */
public record DatasetRef(String zone, String dataset) {

    public DatasetRef {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dataset, "dataset");
    }

    /** Reads {@code name} or {@code zone.name}; an unqualified name belongs to {@code ownZone}. */
    public static DatasetRef parse(String text, String ownZone) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return new DatasetRef(ownZone == null ? "" : ownZone, text);
        }
        if (text.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not <dataset> or <zone>.<dataset>");
        }
        return new DatasetRef(text.substring(0, dot), text.substring(dot + 1));
    }

    public boolean isIn(String zone) {
        return this.zone.equals(zone);
    }

    @Override
    public String toString() {
        return zone + "." + dataset;
    }
}
