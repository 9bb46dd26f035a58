package io.tributary.connect.s3.commit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.connect.s3.naming.ObjectKeys;
import io.tributary.connect.s3.naming.ObjectName;
import io.tributary.connect.s3.parquet.FooterReader;
import io.tributary.connect.s3.storage.ObjectStore;
import io.tributary.model.TopicName;

/**
 * Finds the resume point from the objects themselves. Batches are committed one after the
 * other, so only the latest batch of a partition can be incomplete (a crash between its
 * files' completions). The latest batch is the one of the object with the highest start
 * offset; its footer says how many files it has. If all are there, the partition resumes at
 * the batch's end; if not, its files are deleted (the batch will be written again, perhaps cut
 * differently) and the batch before it decides.
 *
 * <p>Cost: one listing of the dataset folder and one or two ranged reads per inspected object.
 */
public final class LakeResumePointFinder implements ResumePointFinder {
    private static final Logger LOG = LoggerFactory.getLogger(LakeResumePointFinder.class);

    private final ObjectStore store;
    private final FooterReader footers;

    public LakeResumePointFinder(ObjectStore store) {
        this.store = store;
        this.footers = new FooterReader(store);
    }

    @Override
    public OptionalLong resumeOffset(TopicName topic, int partition) {
        String prefix = ObjectKeys.datasetPrefix(topic);
        List<ObjectName> objects = new ArrayList<>(store.list(prefix).stream()
                .map(o -> ObjectKeys.parse(o.key()))
                .flatMap(Optional::stream)
                .filter(n -> n.topic().equals(topic.toString()) && n.partition() == partition)
                .sorted(Comparator.comparingLong(ObjectName::startOffset).reversed())
                .toList());
        while (!objects.isEmpty()) {
            ObjectName latest = objects.get(0);
            FileLineage lineage = FileLineage.fromMap(latest.key(), footers.keyValueMetadata(latest.key()));
            List<ObjectName> batch = objects.stream().filter(o -> o.startOffset() >= lineage.batchStart()).toList();
            if (batch.size() >= lineage.batchFiles()) {
                LOG.info("{}/{}: lake holds offsets up to {} (last batch [{}, {}) in {} file(s), latest {}); resuming there",
                        topic, partition, lineage.batchEnd() - 1, lineage.batchStart(), lineage.batchEnd(), batch.size(), latest.key());
                return OptionalLong.of(lineage.batchEnd());
            }
            List<String> keys = batch.stream().map(ObjectName::key).toList();
            LOG.warn("{}/{}: batch [{}, {}) is incomplete ({} of {} files in the lake, its commit was interrupted);"
                    + " deleting {} so that it is written again", topic, partition, lineage.batchStart(), lineage.batchEnd(),
                    batch.size(), lineage.batchFiles(), keys);
            store.delete(keys);
            objects.removeAll(batch);
        }
        LOG.info("{}/{}: lake holds nothing of this partition under {}", topic, partition, prefix);
        return OptionalLong.empty();
    }
}
