package io.tributary.cli.platform;

/** Where the platform reports what it is doing, step by step. */
public interface Progress {
    void step(String message);

    void done(String message);

    Progress SILENT = new Progress() {
        @Override
        public void step(String message) {
        }

        @Override
        public void done(String message) {
        }
    };
}
