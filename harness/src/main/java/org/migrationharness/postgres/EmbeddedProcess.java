package org.migrationharness.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    private EmbeddedProcess(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedProcess start(PostgresSettings settings) {
        int major = settings.majorVersion();
        String resource = String.format(Locale.ROOT, BINARIES, major, "linux", "x86_64");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, machine) -> binaries(major, system, machine))
                .setPGStartupWait(Duration.ofSeconds(60));
        ServerTuning.throwawaySettings().forEach(builder::setServerConfig);
        Path tmpfs = Path.of("/dev/shm");
        Path data = null;
        if (Files.isDirectory(tmpfs) && Files.isWritable(tmpfs)) {
            try {
                data = Files.createTempDirectory(tmpfs, "migration-harness-pg");
                builder.setDataDirectory(data);
                builder.setCleanDataDirectory(true);
            } catch (IOException e) {
                // fall back to zonky's own temporary directory on disk
            }
        }
        try {
            return new EmbeddedProcess(builder.start());
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            deleteQuietly(data);
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Could not start embedded PostgreSQL " + major + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + "\nThe binaries come from " + resource + " inside the harness jar."
                    + "\nTry another backend: --postgres testcontainers (needs Docker) or --postgres external --jdbc-url URL.", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort
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
    public void close() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // best effort: the data directory is on tmpfs and removed by zonky when it can
        }
    }
}
