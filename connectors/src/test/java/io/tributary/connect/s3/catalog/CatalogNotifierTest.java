package io.tributary.connect.s3.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import io.tributary.connect.s3.commit.CommittedFile;
import io.tributary.connect.s3.naming.ObjectKeys;
import io.tributary.model.TopicName;

class CatalogNotifierTest {
    private static final TopicName TOPIC = TopicName.parse("finance.staging.expenses");

    private static final Schema V1 = org.apache.avro.SchemaBuilder.record("Expense").fields().requiredString("id").endRecord();
    private static final Schema V2 = org.apache.avro.SchemaBuilder.record("Expense").fields().requiredString("id")
            .optionalString("note").endRecord();

    private static CommittedFile file(String path, long offset) {
        return file(path, offset, Schema.create(Schema.Type.NULL));
    }

    private static CommittedFile file(String path, long offset, Schema schema) {
        return new CommittedFile(TOPIC, 0, path, "staging/finance/expenses/" + path + "/x+" + offset, schema, 1, 10, 1);
    }

    @Test
    void aFolderIsAnnouncedAgainForTheFirstFileOfANewerSchema() {
        List<LakePartition> told = new ArrayList<>();
        CatalogNotifier notifier = new CatalogNotifier(told::add, new ObjectKeys("", "parquet"), "lake", "parquet");
        notifier.committed(file("dt=2024-05-01", 0, V1));
        notifier.committed(file("dt=2024-05-01", 5, V1));
        notifier.committed(file("dt=2024-05-01", 9, V2));
        notifier.committed(file("dt=2024-05-01", 12, V2));

        assertThat(told).extracting(p -> p.partitionPath() + " " + p.schema().getFields().size())
                .containsExactly("dt=2024-05-01 1", "dt=2024-05-01 2");
    }

    @Test
    void eachFolderIsAnnouncedOnceAndFailuresAreRetried() {
        List<LakePartition> told = new ArrayList<>();
        boolean[] failing = {true};
        Catalog catalog = p -> {
            if (failing[0]) {
                throw new IllegalStateException("Glue is down");
            }
            told.add(p);
        };
        CatalogNotifier notifier = new CatalogNotifier(catalog, new ObjectKeys("", "parquet"), "lake", "parquet");
        notifier.committed(file("dt=2024-05-01/hr=10", 0));
        assertThat(told).isEmpty();
        assertThat(notifier.pendingCount()).isEqualTo(1);
        assertThat(notifier.failures()).isEqualTo(1);
        failing[0] = false;
        notifier.retryPending();
        notifier.committed(file("dt=2024-05-01/hr=10", 5));
        notifier.committed(file("dt=2024-05-01/hr=11", 6));
        assertThat(told).extracting(LakePartition::partitionPath).containsExactly("dt=2024-05-01/hr=10", "dt=2024-05-01/hr=11");
        LakePartition first = told.get(0);
        assertThat(first.tableLocation()).isEqualTo("s3://lake/staging/finance/expenses/");
        assertThat(first.location()).isEqualTo("s3://lake/staging/finance/expenses/dt=2024-05-01/hr=10/");
        assertThat(first.values()).containsExactly(java.util.Map.entry("dt", "2024-05-01"), java.util.Map.entry("hr", "10"));
        assertThat(notifier.pendingCount()).isZero();
    }
}
