package io.tributary.cli.platform;

/** What `tributary status` shows of one component. */
public record ComponentStatus(String name, State state, long pid, String address, String logFile) {

    public enum State {
        /** Running and answering its health check. */
        UP,
        /** Running but not answering its health check. */
        UNHEALTHY,
        /** Not running. */
        DOWN
    }
}
