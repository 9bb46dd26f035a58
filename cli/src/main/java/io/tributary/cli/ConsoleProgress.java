package io.tributary.cli;

import java.io.PrintWriter;

import io.tributary.cli.platform.Progress;

/** Prints progress as the platform starts, one line a step. */
final class ConsoleProgress implements Progress {
    private final PrintWriter out;

    ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void step(String message) {
        out.println("  ... " + message);
        out.flush();
    }

    @Override
    public void done(String message) {
        out.println("  ok  " + message);
        out.flush();
    }
}
