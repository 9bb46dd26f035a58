package io.tributary.processors.ods.spi;

/** A transformer refuses a record: it goes to the dataset's rejected topic with this field and message. */
public final class RecordRejected extends Exception {
    private final String field;

    public RecordRejected(String field, String message) {
        super(message);
        this.field = field == null ? "" : field;
    }

    public String field() {
        return field;
    }
}
