package io.tributary.cli.harness;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * The checksum of an expense claim's fields, computed the same way on what was produced and on
 * what the lake holds: fields joined by '|' in schema order, amount in plain notation at its
 * scale, the timestamp as epoch milliseconds, a null as {@code <null>}; then MD5. The lake side
 * is the SQL in {@link LakeExpenses}, which must spell every field the same way.
 */
public final class Fingerprint {
    static final String NULL = "<null>";

    private Fingerprint() {
    }

    /** The checksum of a claim as {@link io.tributary.cli.demo.ExpenseGenerator} made it. */
    public static String ofProduced(Map<String, Object> fields) {
        Object amount = fields.get("amount");
        Object submitted = fields.get("submitted_at");
        return md5(String.join("|",
                text(fields.get("expense_id")), text(fields.get("employee_id")), text(fields.get("department")),
                amount == null ? NULL : ((BigDecimal) amount).setScale(2).toPlainString(),
                text(fields.get("currency")), text(fields.get("category")),
                submitted == null ? NULL : Long.toString(Instant.parse((String) submitted).toEpochMilli()),
                text(fields.get("description"))));
    }

    static String md5(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    private static String text(Object value) {
        return value == null ? NULL : value.toString();
    }
}
