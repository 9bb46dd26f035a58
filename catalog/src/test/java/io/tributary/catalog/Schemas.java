package io.tributary.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.apache.avro.Schema;

/** The example zone's schemas, and versions of them for evolution tests. */
public final class Schemas {
    private Schemas() {
    }

    /** The checkout (the failsafe and surefire plugins pass it as {@code tributary.home}). */
    public static Path home() {
        return Path.of(System.getProperty("tributary.home", "..")).toAbsolutePath().normalize();
    }

    /** finance's expenses as the example zone declares them. */
    public static Schema expenses() {
        try {
            return new Schema.Parser().parse(home().resolve("examples/zones/finance/expenses.avsc").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Version 2 of expenses: gains an optional cost centre and an optional approval record. */
    public static Schema expensesV2() {
        String v1 = expenses().toString();
        String added = ",{\"name\":\"cost_center\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Cost centre charged\"},"
                + "{\"name\":\"approval\",\"type\":[\"null\",{\"type\":\"record\",\"name\":\"Approval\",\"fields\":["
                + "{\"name\":\"approver\",\"type\":\"string\"},{\"name\":\"approved_at\",\"type\":{\"type\":\"long\","
                + "\"logicalType\":\"timestamp-millis\"}}]}],\"default\":null}]}";
        return new Schema.Parser().parse(v1.substring(0, v1.lastIndexOf("]}")) + added);
    }
}
