package io.tributary.connect.source.store;

import java.time.Instant;

/**
 * An object in the ingress bucket, as listed or announced.
 *
 * @param eTag the entity tag without quotes (S3 event notifications give it bare, listings quoted)
 */
public record IngressObject(String key, String eTag, long size, Instant lastModified) {
    public IngressObject {
        eTag = bare(eTag);
    }

    public static String bare(String eTag) {
        if (eTag == null) {
            return "";
        }
        String t = eTag.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
