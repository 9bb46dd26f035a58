package io.tributary.processors.app;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * Why an application failed, in one line for logs and the health checks: the exception that says
 * what went wrong (an authorization error names the topic or group), class and message. Kafka Streams
 * wraps the real cause in one or more {@code StreamsException}s whose own messages repeat it.
 */
public final class ApplicationFailure {
    private static final Pattern SECRET = Pattern.compile("(password\\s*=\\s*)(\"[^\"]*\"|\\S+)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_LENGTH = 500;

    private ApplicationFailure() {
    }

    /** {@code TopicAuthorizationException: Not authorized to access topics: [finance.ods.expense]}. */
    public static String describe(Throwable failure) {
        Throwable telling = telling(failure);
        String message = telling.getMessage() == null ? "" : telling.getMessage().replaceAll("\\s+", " ").trim();
        // Configuration errors may quote a JAAS line; never let a password through.
        message = SECRET.matcher(message).replaceAll("$1[hidden]");
        String text = message.isEmpty() ? telling.getClass().getSimpleName() : telling.getClass().getSimpleName() + ": " + message;
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }

    /**
     * A missing right or a refused login: a new stream thread would fail the same way, so the application
     * stops (and reports why) until the right is granted and the process restarted.
     */
    public static boolean needsOperator(Throwable failure) {
        return chain(failure).stream().anyMatch(t -> t instanceof AuthorizationException || t instanceof AuthenticationException);
    }

    /** The security error if there is one, otherwise the innermost cause. */
    private static Throwable telling(Throwable failure) {
        List<Throwable> chain = chain(failure);
        return chain.stream().filter(t -> t instanceof AuthorizationException || t instanceof AuthenticationException).findFirst()
                .orElse(chain.get(chain.size() - 1));
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
