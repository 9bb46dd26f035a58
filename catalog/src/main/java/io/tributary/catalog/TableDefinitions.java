package io.tributary.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.tributary.catalog.table.TableDefinition;

/**
 * The table definitions an engine knows for the lake's folders (from the zones' registered
 * schemas). A folder without one is still queryable, with the columns its files have.
 */
@FunctionalInterface
public interface TableDefinitions {
    TableDefinitions NONE = location -> Optional.empty();

    Optional<TableDefinition> find(TableLocation location);

    /** Looks definitions up by {@code <database>.<table>}. */
    static TableDefinitions of(Collection<TableDefinition> definitions) {
        Map<String, TableDefinition> byName = new LinkedHashMap<>();
        definitions.forEach(d -> byName.put(d.qualifiedName(), d));
        return location -> Optional.ofNullable(byName.get(location.qualifiedName()));
    }
}
