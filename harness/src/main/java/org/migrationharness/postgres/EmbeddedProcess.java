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

    private EmbeddedProcess(EmbeddedPostgres postgres, Path folder, List<String> housekeeping) {
        this.postgres = postgres;
        this.folder = folder;
        this.housekeeping = List.copyOf(housekeeping);
    }

    static EmbeddedProcess start(PostgresSettings settings) {
        int major = settings.majorVersion();
        String resource = String.format(Locale.ROOT, BINARIES, major, "linux", "x86_64");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, machine) -> binaries(major, system, machine))
                .setPGStartupWait(Duration.ofSeconds(60));
        ServerTuning.throwawaySettings().forEach(builder::setServerConfig);
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
            return new EmbeddedProcess(builder.start(), folder, housekeeping);
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            StaleEmbeddedServers.delete(folder);
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Could not start embedded PostgreSQL " + major + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + "\nThe binaries come from " + resource + " inside the harness jar."
                    + "\nTry another backend: --postgres testcontainers (needs Docker) or --postgres external --jdbc-url URL.", e);
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
        StaleEmbeddedServers.delete(folder);
    }
}
