package io.tributary.registry.server.api;

import io.tributary.registry.server.error.ErrorCode;
import io.tributary.registry.server.error.RegistryException;

/** What a subject name may be: any non-blank text without control characters, as in Confluent's registry. */
final class SubjectNames {
    private SubjectNames() {
    }

    /** @throws RegistryException 42208 naming what is wrong */
    static String requireValid(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new RegistryException(ErrorCode.INVALID_SUBJECT, "Invalid subject: the subject name is empty.");
        }
        for (int i = 0; i < subject.length(); i++) {
            if (Character.isISOControl(subject.charAt(i))) {
                throw new RegistryException(ErrorCode.INVALID_SUBJECT, "Invalid subject '" + subject.replaceAll("\\p{Cntrl}", "?")
                        + "': control character at position " + i + ".");
            }
        }
        return subject;
    }
}
