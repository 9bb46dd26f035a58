package io.tributary.topics;

/** Reading or changing a zone's topics or schemas failed; the message names the zone and topic or subject. */
public class ZoneTopicsException extends RuntimeException {
    public ZoneTopicsException(String message) {
        super(message);
    }

    public ZoneTopicsException(String message, Throwable cause) {
        super(message, cause);
    }
}
