package io.tributary.registry.client.testing;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/** A specific record, written as Avro's code generator would, for tests of specific reading and writing. */
public class Payment extends SpecificRecordBase {
    public static final Schema SCHEMA$ = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Payment\","
            + "\"namespace\":\"io.tributary.registry.client.testing\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"payer\",\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\"}},"
            + "{\"name\":\"amount\",\"type\":\"double\"}]}");

    private long id;
    private String payer;
    private double amount;

    public Payment() {
    }

    public Payment(long id, String payer, double amount) {
        this.id = id;
        this.payer = payer;
        this.amount = amount;
    }

    public static Schema getClassSchema() {
        return SCHEMA$;
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public Object get(int field) {
        switch (field) {
            case 0: return id;
            case 1: return payer;
            case 2: return amount;
            default: throw new IndexOutOfBoundsException("Invalid index: " + field);
        }
    }

    @Override
    public void put(int field, Object value) {
        switch (field) {
            case 0: id = (Long) value; break;
            case 1: payer = value == null ? null : value.toString(); break;
            case 2: amount = (Double) value; break;
            default: throw new IndexOutOfBoundsException("Invalid index: " + field);
        }
    }

    public long id() {
        return id;
    }

    public String payer() {
        return payer;
    }

    public double amount() {
        return amount;
    }
}
