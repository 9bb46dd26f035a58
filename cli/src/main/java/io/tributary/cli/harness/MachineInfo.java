package io.tributary.cli.harness;

import java.lang.management.ManagementFactory;

/** The machine a report was made on, so figures from different machines are not compared blindly. */
public final class MachineInfo {
    private MachineInfo() {
    }

    public static String describe() {
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize() / (1024 * 1024);
        }
        return String.format("%s %s (%s), %d cores, %s MiB memory, Java %s (%s), run at %s",
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), memory < 0 ? "?" : Long.toString(memory),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), java.time.Instant.now());
    }
}
