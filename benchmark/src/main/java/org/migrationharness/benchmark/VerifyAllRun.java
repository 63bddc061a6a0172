package org.migrationharness.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code verify --all} of the repository's services as a user runs it: {@code java -jar
 * harness/target/migration-harness.jar verify --all --postgres <backend>} as a child process from the repository
 * root, timed from its start to its exit (JVM start, PostgreSQL start and stop included). Its peak resident memory is
 * the JVM's {@code VmHWM} from {@code /proc/<pid>/status}, polled until it exits (PostgreSQL's own processes are not
 * counted). It must exit 0, or the benchmark fails with the end of its output.
 */
final class VerifyAllRun {

    private static final long POLL_MILLIS = 10;

    private final Path repository;
    private final Path jar;
    private final String backend;

    VerifyAllRun(Path repository, String backend) {
        this.repository = repository;
        this.jar = repository.resolve("harness/target/migration-harness.jar");
        this.backend = backend;
    }

    /** One run: wall time in nanoseconds and peak RSS in bytes (0 where /proc cannot be read). */
    record Result(long nanos, long peakRssBytes) {
    }

    /** Builds the harness's jar when it is missing, with the same Maven package the benchmark script runs. */
    void buildJarIfMissing() {
        if (Files.isRegularFile(jar)) {
            return;
        }
        List<String> command = List.of("mvn", "-B", "-q", "-pl", "harness", "-am", "-DskipTests", "-Djacoco.skip=true",
                "package");
        System.out.println("No " + repository.relativize(jar) + ": building it (" + String.join(" ", command) + ") ...");
        try {
            Process build = new ProcessBuilder(command).directory(repository.toFile()).inheritIO().start();
            int exit = build.waitFor();
            if (exit != 0 || !Files.isRegularFile(jar)) {
                throw new BenchmarkException("Building the harness's jar failed (" + String.join(" ", command)
                        + " exited " + exit + "); build it with mvn -B -DskipTests package and run again.");
            }
        } catch (IOException e) {
            throw new BenchmarkException("Could not run Maven to build " + jar + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("Interrupted while building " + jar, e);
        }
    }

    Result run() {
        Path log;
        try {
            log = Files.createTempFile("mh-benchmark-verify-all", ".log");
        } catch (IOException e) {
            throw new BenchmarkException("Could not create a temporary file for verify --all's output: "
                    + e.getMessage(), e);
        }
        List<String> command = List.of(javaExecutable(), "-jar", jar.toString(), "verify", "--all", "--postgres", backend);
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            long peak = 0;
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, vmHwm(status));
            }
            long elapsed = System.nanoTime() - start;
            if (process.exitValue() != 0) {
                throw new BenchmarkException("verify --all exited " + process.exitValue() + " (" + String.join(" ", command)
                        + " in " + repository + "); the end of its output:\n" + tail(log));
            }
            return new Result(elapsed, peak);
        } catch (IOException e) {
            throw new BenchmarkException("Could not start " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("Interrupted while verify --all ran", e);
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                System.err.println("Could not delete " + log + ": " + e.getMessage());
            }
        }
    }

    /** The process's peak resident set size so far, in bytes; 0 once it is gone or where there is no /proc. */
    private static long vmHwm(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").strip()) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // exited between two polls, or no /proc: the peak read so far stands
        }
        return 0;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", new ArrayList<>(lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }
}
