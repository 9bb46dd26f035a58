package io.tributary.model;

import java.util.regex.Pattern;

/** The rule for zone, dataset and entity names: lower-case, starting with a letter. */
public final class Names {
    public static final String RULE = "[a-z][a-z0-9_]*";
    private static final Pattern PATTERN = Pattern.compile(RULE);

    private Names() {
    }

    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }
}
