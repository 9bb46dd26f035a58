package io.tributary.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.catalog.table.PartitionScheme;
import io.tributary.model.Names;
import io.tributary.model.Stage;

/**
 * Finds the tables of a lake folder laid out as {@code <lake>/<stage>/<zone>/<dataset>/dt=.../*.parquet}
 * (the local S3 server's bucket folder: each object is a plain file there). A dataset folder is a
 * table only once it holds a Parquet file; folders whose names break the naming rule are skipped.
 */
public final class LakeDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(LakeDiscovery.class);
    private static final String PARQUET = ".parquet";

    private LakeDiscovery() {
    }

    /** The tables of {@code stages} under {@code lakeRoot}, sorted by database and table. */
    public static List<TableLocation> discover(Path lakeRoot, Set<Stage> stages) {
        List<TableLocation> tables = new ArrayList<>();
        for (Stage stage : stages) {
            Path stageFolder = lakeRoot.resolve(stage.id());
            for (Path zoneFolder : namedFolders(stageFolder)) {
                for (Path datasetFolder : namedFolders(zoneFolder)) {
                    TableLocation table = new TableLocation(name(zoneFolder), stage, name(datasetFolder), datasetFolder);
                    if (hasParquetFile(datasetFolder)) {
                        tables.add(table);
                    } else {
                        LOG.debug("Skipping {}: no Parquet file yet", table);
                    }
                }
            }
        }
        tables.sort(Comparator.comparing(TableLocation::database).thenComparing(TableLocation::table));
        return tables;
    }

    /** Sub-folders whose names are valid zone or dataset names. */
    private static List<Path> namedFolders(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> {
                        boolean valid = Names.isValid(name(p));
                        if (!valid) {
                            LOG.debug("Skipping folder {}: its name does not match {}", p, Names.RULE);
                        }
                        return valid;
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list lake folder " + parent + ": " + e.getMessage(), e);
        }
    }

    /**
     * How a table's folder is partitioned, from the folders above its first Parquet file
     * ({@code dt=…}, {@code dt=…/hr=…}, {@code <field>=…}); daily if its files are not in such folders.
     */
    public static PartitionScheme partitionScheme(TableLocation table) {
        try (Stream<Path> files = Files.walk(table.folder())) {
            Optional<Path> first = files.filter(p -> name(p).endsWith(PARQUET) && Files.isRegularFile(p)).sorted().findFirst();
            if (first.isEmpty() || first.get().getParent().equals(table.folder())) {
                return PartitionScheme.DAILY;
            }
            return PartitionScheme.ofPath(table.folder().relativize(first.get().getParent()).toString().replace('\\', '/'));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read lake folder " + table.folder() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            LOG.debug("Folders of {} are not partition folders: {}", table, e.getMessage());
            return PartitionScheme.DAILY;
        }
    }

    static boolean hasParquetFile(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            Optional<Path> any = files.filter(p -> name(p).endsWith(PARQUET) && Files.isRegularFile(p)).findAny();
            return any.isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read lake folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String name(Path path) {
        return path.getFileName().toString();
    }
}
