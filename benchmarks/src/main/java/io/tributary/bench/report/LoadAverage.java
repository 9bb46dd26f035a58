package io.tributary.bench.report;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** The machine's one-minute load average, printed with every figure: this machine is shared, so a figure means little without it. */
public final class LoadAverage {
    private LoadAverage() {
    }

    public static String now() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "load average unknown" : String.format(Locale.ROOT, "load average %.1f", load);
    }
}
