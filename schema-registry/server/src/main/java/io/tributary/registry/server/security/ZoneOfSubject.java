package io.tributary.registry.server.security;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The insight zone a subject belongs to. Subjects follow the platform's topic names,
 * {@code <zone>.<stage>.<dataset>-value} (TopicNameStrategy) or {@code <zone>.<stage>.<dataset>-<record>}
 * (TopicRecordNameStrategy): the zone is the text before the first dot. A subject that does not
 * start with a zone name belongs to no zone (only admins may write it).
 */
public final class ZoneOfSubject {
    private static final Pattern ZONE = Pattern.compile("[a-z][a-z0-9_]*");

    private ZoneOfSubject() {
    }

    public static Optional<String> of(String subject) {
        int dot = subject == null ? -1 : subject.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String zone = subject.substring(0, dot);
        return ZONE.matcher(zone).matches() ? Optional.of(zone) : Optional.empty();
    }
}
