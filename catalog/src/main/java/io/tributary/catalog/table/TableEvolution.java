package io.tributary.catalog.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Evolves a table to a newer schema so that files written with every version stay queryable:
 * columns are matched by name, existing columns keep their place (a column the new schema no
 * longer has stays, older files have it), new columns are appended (older files read them as
 * null), and a type may only widen the way Athena reads Parquet: {@code int} to {@code bigint},
 * {@code float} to {@code double}, and structs gaining fields (recursively, also inside arrays and
 * maps). Anything else is an {@link IncompatibleChangeException} naming the column.
 */
public final class TableEvolution {
    private TableEvolution() {
    }

    /** The columns of {@code existing} evolved to take the columns of {@code next}. */
    public static TableDefinition evolve(TableDefinition existing, TableDefinition next) {
        if (!existing.partitions().columns().equals(next.partitions().columns())) {
            throw new IncompatibleChangeException("table " + existing.qualifiedName() + " is partitioned by "
                    + existing.partitions().columns() + " but its files now come partitioned by " + next.partitions().columns());
        }
        List<TableColumn> merged = new ArrayList<>();
        for (TableColumn old : existing.columns()) {
            TableColumn replacement = next.column(old.name()).orElse(null);
            if (replacement == null) {
                merged.add(old);
            } else {
                ColumnType type = merge(old.type(), replacement.type(), existing.qualifiedName() + " column " + old.name());
                merged.add(new TableColumn(old.name(), type, replacement.comment().isEmpty() ? old.comment() : replacement.comment()));
            }
        }
        for (TableColumn added : next.columns()) {
            if (existing.column(added.name()).isEmpty()) {
                merged.add(added);
            }
        }
        return new TableDefinition(existing.database(), existing.table(), next.description().isEmpty() ? existing.description()
                : next.description(), merged, next.partitions(), next.location(), next.properties());
    }

    /** Whether evolving {@code existing} to {@code next} changes anything. */
    public static boolean changes(TableDefinition existing, TableDefinition next) {
        TableDefinition evolved = evolve(existing, next);
        return !Objects.equals(evolved.columns(), existing.columns()) || !Objects.equals(evolved.properties(), existing.properties())
                || !Objects.equals(evolved.location(), existing.location());
    }

    static ColumnType merge(ColumnType old, ColumnType next, String where) {
        if (old.equals(next)) {
            return old;
        }
        if (old == ColumnType.Primitive.INT && next == ColumnType.Primitive.BIGINT
                || old == ColumnType.Primitive.FLOAT && next == ColumnType.Primitive.DOUBLE) {
            return next;
        }
        if (old instanceof ColumnType.ArrayOf a && next instanceof ColumnType.ArrayOf b) {
            return new ColumnType.ArrayOf(merge(a.element(), b.element(), where + "[]"));
        }
        if (old instanceof ColumnType.MapOf a && next instanceof ColumnType.MapOf b) {
            return new ColumnType.MapOf(merge(a.value(), b.value(), where + "{}"));
        }
        if (old instanceof ColumnType.Struct a && next instanceof ColumnType.Struct b) {
            List<ColumnType.Field> fields = new ArrayList<>();
            for (ColumnType.Field f : a.fields()) {
                fields.add(b.field(f.name()).map(g -> new ColumnType.Field(f.name(), merge(f.type(), g.type(), where + "." + f.name())))
                        .orElse(f));
            }
            for (ColumnType.Field g : b.fields()) {
                if (a.field(g.name()).isEmpty()) {
                    fields.add(g);
                }
            }
            return new ColumnType.Struct(fields);
        }
        throw new IncompatibleChangeException(where + " is " + old.hive() + " but the new schema makes it " + next.hive()
                + "; files already written could not be read. Keep the type (or widen int to bigint, float to double),"
                + " or add a field with a new name");
    }
}
