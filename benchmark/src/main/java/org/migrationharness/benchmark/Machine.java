package org.migrationharness.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the numbers were measured on: processors, memory, Java, and the load average (other work on the machine). */
final class Machine {

    private Machine() {
    }

    /** e.g. {@code 2 processors, 23.4 GiB memory, Java 17.0.15+6 (OpenJDK 64-Bit Server VM)}. */
    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " processors, " + memory() + " memory, Java "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    /** The 1, 5 and 15 minute load averages as /proc/loadavg gives them, or "unknown". */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).strip().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.substring("MemTotal:".length()).replace("kB", "").strip());
                    return String.format("%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // reported as unknown
        }
        return "unknown";
    }
}
