package org.migrationharness.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Embedded servers of runs that are gone. Each embedded server lives in a folder {@code migration-harness-pg*} (on
 * tmpfs where there is one) holding an {@code owner} file (the pid and start time of the JVM that started it) and the
 * data directory. A run killed with SIGKILL leaves both the folder and a running postmaster behind; the next embedded
 * start finds such folders, stops their postmaster (the pid in {@code data/postmaster.pid}) and removes them.
 */
final class StaleEmbeddedServers {

    static final String PREFIX = "migration-harness-pg";
    static final String OWNER_FILE = "owner";
    static final String DATA = "data";

    /** A folder without an owner file this young may be a run that is just starting: left alone. */
    private static final Duration GRACE = Duration.ofMinutes(1);

    private StaleEmbeddedServers() {
    }

    /** Writes the owner file of a new server's folder: this JVM's pid and start time. */
    static void claim(Path folder) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String started = self.info().startInstant().map(Instant::toString).orElse("unknown");
        Files.writeString(folder.resolve(OWNER_FILE), "pid=" + self.pid() + "\nstarted=" + started + "\n",
                StandardCharsets.UTF_8);
    }

    /** Stops and removes the servers of dead runs under {@code parents}; one line per server removed, for the user. */
    static List<String> sweep(List<Path> parents) {
        List<String> done = new ArrayList<>();
        for (Path parent : parents) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, PREFIX + "*")) {
                for (Path folder : folders) {
                    Optional<String> removed = removeIfStale(folder);
                    removed.ifPresent(done::add);
                }
            } catch (IOException | RuntimeException e) {
                done.add("could not look for servers of dead runs in " + parent + ": " + e.getMessage());
            }
        }
        return done;
    }

    private static Optional<String> removeIfStale(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Path owner = folder.resolve(OWNER_FILE);
        Long ownerPid = null;
        if (Files.isRegularFile(owner)) {
            Owner o = Owner.read(owner);
            if (o.alive()) {
                return Optional.empty();
            }
            ownerPid = o.pid();
        } else if (Files.getLastModifiedTime(folder).toInstant().isAfter(Instant.now().minus(GRACE))) {
            return Optional.empty();
        }
        // the data directory is data/ since the owner file exists; before that, the folder itself
        Optional<ProcessHandle> postmaster = postmaster(folder.resolve(DATA)).or(() -> postmaster(folder));
        if (ownerPid == null && postmaster.isPresent()) {
            return Optional.empty(); // no owner file (an older harness): a live server may still be in use
        }
        String stopped = postmaster.map(StaleEmbeddedServers::stop).orElse("");
        long bytes = size(folder);
        delete(folder);
        return Optional.of("removed " + folder + " (" + megabytes(bytes) + ")" + stopped + ", left by a run that is gone"
                + (ownerPid == null ? "" : " (pid " + ownerPid + ")"));
    }

    /** The running postmaster of a data directory, from the first line of its {@code postmaster.pid}. */
    private static Optional<ProcessHandle> postmaster(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SIGTERM (smart shutdown: its clients died with their run), then SIGKILL after 10 s. */
    private static String stop(ProcessHandle postmaster) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
        return " and stopped its PostgreSQL (pid " + postmaster.pid() + ")";
    }

    private static long size(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1_048_576.0);
    }

    /** The JVM that started a server. */
    private record Owner(long pid, String started) {

        static Owner read(Path file) throws IOException {
            long pid = -1;
            String started = "unknown";
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("pid=")) {
                    pid = Long.parseLong(line.substring(4).strip());
                } else if (line.startsWith("started=")) {
                    started = line.substring(8).strip();
                }
            }
            return new Owner(pid, started);
        }

        /** Whether that JVM still runs: the same pid with the same start time (a pid can be reused). */
        boolean alive() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(p -> started.equals("unknown")
                            || p.info().startInstant().map(Instant::toString).map(started::equals).orElse(true))
                    .orElse(false);
        }
    }
}
