package org.migrationharness.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;

/**
 * zonky's embedded PostgreSQL. The harness ships the binaries of every supported major version under
 * {@code org/migrationharness/postgres/binaries/<major>/}, so the version is chosen at run time. Data lives on tmpfs
 * ({@code /dev/shm}) where there is one: cloning and dropping databases there is several times faster than on disk.
 */
final class EmbeddedProcess implements ServerProcess {

    private static final String BINARIES = "/org/migrationharness/postgres/binaries/%d/postgres-%s-%s.txz";

    private final EmbeddedPostgres postgres;
    private final Path folder;
    private final List<String> housekeeping;
    private final boolean keepData;

    private EmbeddedProcess(EmbeddedPostgres postgres, Path folder, List<String> housekeeping, boolean keepData) {
        this.postgres = postgres;
        this.folder = folder;
        this.housekeeping = List.copyOf(housekeeping);
        this.keepData = keepData;
    }

    static EmbeddedProcess start(PostgresSettings settings) {
        return start(settings, 0, null);
    }

    /**
     * A server on {@code port} (0: any free port) whose data lives in {@code keptData} and stays there when it stops
     * (null: a throwaway data directory, removed when it stops). A kept data directory that already holds a cluster
     * (its {@code postgresql.conf}) is started as it is, not initialised again; it runs with durability on.
     */
    static EmbeddedProcess start(PostgresSettings settings, int port, Path keptData) {
        if (keptData != null) {
            return startKept(settings, port, keptData);
        }
        int major = settings.majorVersion();
        String resource = String.format(Locale.ROOT, BINARIES, major, "linux", "x86_64");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, machine) -> binaries(major, system, machine))
                .setPGStartupWait(Duration.ofSeconds(60));
        ServerTuning.throwawaySettings().forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(requireFree(port));
        }
        Path tmpfs = Path.of("/dev/shm");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<String> housekeeping = StaleEmbeddedServers.sweep(List.of(tmpfs, tmp));
        Path folder;
        try {
            folder = Files.createTempDirectory(Files.isDirectory(tmpfs) && Files.isWritable(tmpfs) ? tmpfs : tmp,
                    StaleEmbeddedServers.PREFIX);
            StaleEmbeddedServers.claim(folder);
            Path data = Files.createDirectory(folder.resolve(StaleEmbeddedServers.DATA));
            builder.setDataDirectory(data);
            builder.setCleanDataDirectory(true);
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot create a data directory for embedded PostgreSQL in "
                    + tmpfs + " or " + tmp + ": " + e.getMessage() + "\nFree some space there, or set java.io.tmpdir.", e);
        }
        try {
            return new EmbeddedProcess(builder.start(), folder, housekeeping, false);
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            StaleEmbeddedServers.delete(folder);
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Could not start embedded PostgreSQL " + major + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + "\nThe binaries come from " + resource + " inside the harness jar."
                    + "\nTry another backend: --postgres testcontainers (needs Docker) or --postgres external --jdbc-url URL.", e);
        }
    }

    private static EmbeddedProcess startKept(PostgresSettings settings, int port, Path data) {
        int major = settings.majorVersion();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, machine) -> binaries(major, system, machine))
                .setPGStartupWait(Duration.ofSeconds(60));
        // data that is kept is written durably: only the settings that are not about durability
        ServerTuning.throwawaySettings().forEach((key, value) -> {
            if (!List.of("fsync", "synchronous_commit", "full_page_writes").contains(key)) {
                builder.setServerConfig(key, value);
            }
        });
        if (port > 0) {
            builder.setPort(requireFree(port));
        }
        Path absolute = data.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot create the data directory " + absolute + ": "
                    + e.getMessage(), e);
        }
        String version = absolute.resolve("PG_VERSION").toFile().isFile() ? readVersion(absolute) : null;
        if (version != null && !version.equals(String.valueOf(major))) {
            throw new HarnessException(ErrorCode.USAGE, "The data directory " + absolute + " holds a PostgreSQL "
                    + version + " cluster, not " + major + ".\nStart it with --postgres-version " + version
                    + ", or give another --data directory.");
        }
        builder.setDataDirectory(absolute.toFile());
        builder.setCleanDataDirectory(false);
        try {
            return new EmbeddedProcess(builder.start(), absolute, List.of(), true);
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            if (String.valueOf(reason).contains("could not lock")) {
                throw new HarnessException(ErrorCode.ENVIRONMENT, "The data directory " + absolute + " is in use by"
                        + " another server (another dev run?): " + reason + ".\nStop that one first, or give another"
                        + " --data directory.", e);
            }
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Could not start embedded PostgreSQL " + major
                    + " on the data directory " + absolute + ": " + reason
                    + (port > 0 ? "\nIs port " + port + " free? Another server may use it, or this data directory." : ""), e);
        }
    }

    /**
     * The port, when nothing listens on it. zonky waits for the port to answer: a server already there would pass
     * for the new one, whose own start failed to bind it.
     */
    private static int requireFree(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("localhost", port), 1000);
        } catch (IOException e) {
            return port; // nothing answers: free
        }
        throw new HarnessException(ErrorCode.ENVIRONMENT, "Port " + port + " on this machine is in use: another server"
                + " listens on it.\nStop it, or choose another --port (or none: a free one).");
    }

    private static String readVersion(Path data) {
        try {
            return Files.readString(data.resolve("PG_VERSION")).strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static InputStream binaries(int major, String system, String machine) throws IOException {
        String resource = String.format(Locale.ROOT, BINARIES, major, system.toLowerCase(Locale.ROOT), machine);
        InputStream stream = EmbeddedProcess.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IOException("the harness ships no PostgreSQL " + major + " binaries for " + system + "/" + machine
                    + " (looked for " + resource + ")");
        }
        return stream;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String adminDatabase() {
        return "postgres";
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return null;
    }

    @Override
    public boolean owned() {
        return true;
    }

    @Override
    public List<String> housekeeping() {
        return housekeeping;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // best effort: the folder is removed below, and a later start stops a server that outlived this JVM
        }
        if (!keepData) {
            StaleEmbeddedServers.delete(folder);
        }
    }
}
