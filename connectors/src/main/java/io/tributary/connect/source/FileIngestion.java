package io.tributary.connect.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

import io.tributary.connect.source.format.BadFileException;
import io.tributary.connect.source.format.FileRow;
import io.tributary.connect.source.format.RowReader;
import io.tributary.model.RejectHeaderNames;

/**
 * One file on its way to landing: its rows as records of one batch (batch id on each, the
 * batch-end count on the last), then its arrival record, which carries the offset that marks the
 * file done. Rows already on Kafka (a resumed file) are skipped.
 */
final class FileIngestion implements AutoCloseable {
    static final String OBJECT_HEADER = "tributary.ingress.object";
    static final String ROW_HEADER = "tributary.ingress.row";

    private final FileFacts file;
    private final RowReader reader;
    private final long totalRows;
    private final Map<String, Object> partition;
    private final CatalogRecords catalog;
    private long position;
    private boolean finished;

    FileIngestion(FileFacts file, RowReader reader, long totalRows, long alreadySent, Map<String, Object> partition,
            CatalogRecords catalog) throws IOException, BadFileException {
        this.file = file;
        this.reader = reader;
        this.totalRows = totalRows;
        this.partition = partition;
        this.catalog = catalog;
        while (position < alreadySent && reader.next() != null) {
            position++;
        }
    }

    /** Up to {@code max} records; the last call of a file returns its arrival record last. */
    List<SourceRecord> next(int max) throws IOException, BadFileException {
        List<SourceRecord> records = new ArrayList<>();
        while (records.size() < max && position < totalRows) {
            FileRow row = reader.next();
            if (row == null) {
                throw new IllegalStateException(file.source() + " has fewer rows (" + position + ") than when it was counted ("
                        + totalRows + ") although its copy did not change");
            }
            position++;
            records.add(landing(row));
        }
        if (position == totalRows && records.size() < max) {
            records.add(catalog.arrival(file, totalRows, FileOffsets.INGESTED, null, partition,
                    new FileOffsets(totalRows, true, FileOffsets.INGESTED)));
            finished = true;
        }
        return records;
    }

    private SourceRecord landing(FileRow row) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString(RejectHeaderNames.BATCH_ID, file.batchId());
        if (row.number() == totalRows) {
            headers.addString(RejectHeaderNames.BATCH_END, String.valueOf(totalRows));
        }
        reader.recordHeaders().forEach(headers::addString);
        headers.addString(OBJECT_HEADER, file.source());
        headers.addString(ROW_HEADER, String.valueOf(row.number()));
        return new SourceRecord(partition, new FileOffsets(row.number(), false, "").toMap(), file.key().landingTopic(), null, null, null,
                Schema.OPTIONAL_BYTES_SCHEMA, row.value(), null, headers);
    }

    boolean finished() {
        return finished;
    }

    long position() {
        return position;
    }

    FileFacts file() {
        return file;
    }

    long totalRows() {
        return totalRows;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
