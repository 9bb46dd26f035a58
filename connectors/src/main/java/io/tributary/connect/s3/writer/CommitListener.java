package io.tributary.connect.s3.writer;

import io.tributary.connect.s3.commit.CommittedFile;

/** Told about every file that became visible: the catalog hook and the metrics listen. */
@FunctionalInterface
public interface CommitListener {
    CommitListener NONE = file -> { };

    void committed(CommittedFile file);
}
