package io.tributary.ingest.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Takes the secrets of a client's settings out of a text (an exception message about those settings). */
final class Redaction {
    private static final Pattern JAAS_PASSWORD = Pattern.compile("password\\s*=\\s*\"([^\"]*)\"");
    static final String HIDDEN = "[hidden]";

    private Redaction() {
    }

    static String scrub(String text, Map<String, Object> settings) {
        if (text == null) {
            return "";
        }
        String scrubbed = text;
        for (String secret : secrets(settings)) {
            scrubbed = scrubbed.replace(secret, HIDDEN);
        }
        return scrubbed;
    }

    private static List<String> secrets(Map<String, Object> settings) {
        List<String> secrets = new ArrayList<>();
        settings.forEach((key, value) -> {
            String text = String.valueOf(value);
            if (key.equals("sasl.jaas.config")) {
                secrets.add(text);
                Matcher m = JAAS_PASSWORD.matcher(text);
                while (m.find()) {
                    if (!m.group(1).isEmpty()) {
                        secrets.add(m.group(1));
                    }
                }
            } else if (key.endsWith(".password") && !text.isEmpty()) {
                secrets.add(text);
            }
        });
        // Longest first, so that a password inside the whole JAAS text does not break its replacement.
        secrets.sort((a, b) -> b.length() - a.length());
        return secrets;
    }
}
