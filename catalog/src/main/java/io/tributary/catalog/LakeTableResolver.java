package io.tributary.catalog;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.catalog.table.TableDefinition;
import io.tributary.catalog.table.TableModels;
import io.tributary.catalog.table.UnsupportedSchemaException;
import io.tributary.model.TopicName;

/**
 * The definition of a lake folder's table: the one the zones declare (their registered schemas),
 * else one derived from the schema in the newest file's footer, partitioned as its folders are.
 */
public final class LakeTableResolver {
    private static final Logger LOG = LoggerFactory.getLogger(LakeTableResolver.class);

    private final TableDefinitions declared;
    private final TableModels models;

    public LakeTableResolver(TableDefinitions declared, TableModels models) {
        this.declared = declared;
        this.models = models;
    }

    /** The table's definition; empty (with the reason logged) if neither the zones nor the files give one Athena can represent. */
    public Optional<TableDefinition> resolve(TableLocation location) {
        Optional<TableDefinition> definition = declared.find(location);
        if (definition.isPresent()) {
            return definition;
        }
        try {
            return FooterSchemas.newest(location.folder()).map(schema -> models.table(
                    TopicName.of(location.zone(), location.stage(), location.dataset()), schema, LakeDiscovery.partitionScheme(location)));
        } catch (UnsupportedSchemaException e) {
            LOG.warn("Table {} has files whose schema Athena cannot represent: {}", location.qualifiedName(), e.getMessage());
            return Optional.empty();
        }
    }
}
