package io.tributary.registry.server.security;

/**
 * A subject or a prefix of subjects named in a grant: {@code finance.ods.expense-value} matches
 * that subject only, {@code finance.ods.expense-*} every subject starting with
 * {@code finance.ods.expense-} (its value, key and record-name subjects).
 */
public record SubjectPattern(String text) {

    public SubjectPattern {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a grant needs a subject or a prefix ending in '*', e.g. read:finance.ods.expense-*");
        }
        int star = text.indexOf('*');
        if (star >= 0 && star != text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "': '*' may only end a subject prefix, e.g. finance.ods.expense-*");
        }
        if (text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("'" + text + "' contains white space");
        }
    }

    public boolean matches(String subject) {
        if (subject == null) {
            return false;
        }
        return text.endsWith("*") ? subject.startsWith(text.substring(0, text.length() - 1)) : subject.equals(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
