package org.migrationharness.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.postgres.PostgresSettings;

/**
 * The speed benchmark (docs/performance.md): generated sets of N reversible migrations timed three ways on one
 * PostgreSQL server (the SQL floor, Liquibase update-testing-rollback, the harness's verify), then verify --all of the
 * repository's services as a user runs it. Exit 0 when everything ran (the goals are reported, not enforced), 1 when
 * something failed (the message names it), 2 for a bad option.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exit;
        try {
            exit = run(args);
        } catch (BenchmarkException | HarnessException | UncheckedIOException e) {
            System.out.flush();
            System.err.println("benchmark failed: " + e.getMessage());
            exit = e instanceof BenchmarkException b && b.isUsage()
                    || e instanceof HarnessException h && h.code() == ErrorCode.USAGE ? 2 : 1;
        }
        System.exit(exit);
    }

    private static int run(String[] args) {
        Options options = Options.parse(args);
        if (options == null) {
            System.out.print(Options.HELP);
            return 0;
        }
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String loadBefore = Machine.loadAverage();
        System.out.println("migration-harness benchmark, " + started);
        System.out.println("machine: " + Machine.describe());
        System.out.println("load average (1, 5, 15 min) before: " + loadBefore);

        VerifyAllRun verifyAllRun = options.verifyAll() ? new VerifyAllRun(options.repository(), options.backend().id())
                : null;
        if (verifyAllRun != null) {
            verifyAllRun.buildJarIfMissing(); // before any clock starts
        }
        List<SizeBenchmark.Result> sizes = new ArrayList<>();
        String postgres;
        Path work = temporaryFolder();
        try (PostgresServer server = PostgresServer.start(PostgresSettings.of(options.backend()))) {
            postgres = server.version() + " (" + server.backend().id() + ")";
            System.out.println("PostgreSQL " + postgres + "\n");
            boolean first = true;
            for (int n : options.sizes()) {
                GeneratedSet set = GeneratedSet.write(work.resolve("n" + n), n);
                SizeBenchmark.Result result = new SizeBenchmark(server, set).run(first ? options.warmup() : 0,
                        options.rounds(), (size, which) -> System.out.println("N = " + size + ": " + which + " ..."));
                first = false;
                System.out.println(Results.text(result, options.rounds()));
                sizes.add(result);
            }
        } finally {
            delete(work);
        }

        Results.VerifyAll all = null;
        if (verifyAllRun != null) {
            all = verifyAll(verifyAllRun, options);
            System.out.println(Results.text(all, options.rounds()));
        }
        String loadAfter = Machine.loadAverage();
        System.out.println("load average (1, 5, 15 min) after: " + loadAfter);
        Results results = new Results(started, Machine.describe(), postgres, options.rounds(), options.warmup(), sizes,
                all, loadBefore, loadAfter);
        if (options.markdown() != null) {
            append(options.markdown(), results.markdown());
            System.out.println("appended the results to " + options.markdown());
        }
        return 0;
    }

    private static Results.VerifyAll verifyAll(VerifyAllRun run, Options options) {
        List<Long> wall = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        for (int i = 1; i <= options.rounds(); i++) {
            System.out.println("verify --all: round " + i + "/" + options.rounds() + " ...");
            VerifyAllRun.Result result = run.run();
            wall.add(result.nanos());
            rss.add(result.peakRssBytes());
        }
        return new Results.VerifyAll(services(options.repository()), options.backend().id(), Spread.of(wall),
                Spread.of(rss));
    }

    /** The services verify --all verifies: the folders under service-migrations/ that hold migrations. */
    private static int services(Path repository) {
        try (Stream<Path> folders = Files.list(repository.resolve("service-migrations"))) {
            return (int) folders.filter(folder -> Files.isDirectory(folder.resolve("migrations"))).count();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + repository.resolve("service-migrations") + ": "
                    + e.getMessage(), e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("mh-benchmark");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary folder for the generated migrations: "
                    + e.getMessage(), e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            System.err.println("Could not delete the generated migrations in " + folder + ": " + e.getMessage());
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append the results to " + file + ": " + e.getMessage(), e);
        }
    }
}
