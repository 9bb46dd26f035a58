package io.tributary.ingest.body;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The body parser for a request's content type; every type is UTF-8 text. */
public final class BodyParsers {
    public static final String JSON = "application/json";
    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";

    private final Map<String, BodyParser> byMediaType = new LinkedHashMap<>();

    public BodyParsers() {
        byMediaType.put(JSON, new JsonBodyParser());
        byMediaType.put(NDJSON, new NdjsonBodyParser());
        byMediaType.put(CSV, new CsvBodyParser());
    }

    public Set<String> supported() {
        return byMediaType.keySet();
    }

    /**
     * The parser for a {@code Content-Type} header value (parameters allowed; a charset, if
     * given, must be UTF-8); empty when the type is not one of {@link #supported()}.
     */
    public Optional<BodyParser> forContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.empty();
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter[1].trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    return Optional.empty();
                }
            }
        }
        return Optional.ofNullable(byMediaType.get(mediaType));
    }
}
