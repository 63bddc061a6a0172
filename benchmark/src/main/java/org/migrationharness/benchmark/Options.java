package org.migrationharness.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.migrationharness.postgres.PostgresBackend;

/**
 * The benchmark's command line.
 *
 * @param sizes how many migrations each generated set holds, one set per size
 * @param rounds how many times each of the three runs is timed per size
 * @param warmup untimed rounds before the first size, so the JIT and the server's caches are warm for every tool
 * @param backend where PostgreSQL comes from (embedded or testcontainers)
 * @param verifyAll whether to time {@code verify --all} of the repository's services too
 * @param markdown the file to append the results to as Markdown, or null
 * @param repository the repository root (holds harness/ and service-migrations/)
 */
record Options(List<Integer> sizes, int rounds, int warmup, PostgresBackend backend, boolean verifyAll, Path markdown,
               Path repository) {

    static final String HELP = """
            Usage: scripts/benchmark.sh [options]     (or java -jar benchmark/target/migration-harness-benchmark.jar)

            Times, on one PostgreSQL server, for generated Flyway-layout sets of N reversible migrations:
              a  the SQL floor: every up script, every down in reverse, every up again, through one JDBC session
              b  Liquibase update-testing-rollback on the same migrations as a formatted SQL changelog
              c  the harness's verify with every check, in-process
            then verify --all of the repository's services as a user runs it (a child java -jar process).
            Writes nothing into the repository unless --markdown says so. See docs/performance.md.

            Options:
              --sizes N,N,...        set sizes (default 100,200; the documented full run: 100,200,500,1000)
              --rounds R             timed rounds of a, b and c per size, alternating (default 3)
              --warmup W             untimed rounds of a, b and c before the first size (default 1)
              --postgres P           embedded (default) or testcontainers
              --all / --no-all       time verify --all of the repository's services (default: --all)
              --markdown FILE        append the results to FILE as Markdown tables
              --repository DIR       the repository root (default: the current directory)
              --help                 this text
            """;

    /** Parses the arguments; throws {@link BenchmarkException} naming the bad one. */
    static Options parse(String[] args) {
        List<Integer> sizes = List.of(100, 200);
        int rounds = 3;
        int warmup = 1;
        PostgresBackend backend = PostgresBackend.EMBEDDED;
        boolean verifyAll = true;
        Path markdown = null;
        Path repository = Path.of("").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--sizes" -> sizes = sizes(value(args, ++i, option));
                case "--rounds" -> rounds = positive(value(args, ++i, option), option, 1);
                case "--warmup" -> warmup = positive(value(args, ++i, option), option, 0);
                case "--postgres" -> backend = backend(value(args, ++i, option));
                case "--all" -> verifyAll = true;
                case "--no-all" -> verifyAll = false;
                case "--markdown" -> markdown = Path.of(value(args, ++i, option)).toAbsolutePath();
                case "--repository" -> repository = Path.of(value(args, ++i, option)).toAbsolutePath().normalize();
                case "--help", "-h" -> {
                    return null;
                }
                default -> throw BenchmarkException.usage("Unknown option " + option + ".\n" + HELP);
            }
        }
        if (markdown != null && !Files.isDirectory(markdown.getParent())) {
            throw BenchmarkException.usage("--markdown " + markdown + ": its folder does not exist.");
        }
        if (verifyAll && !Files.isDirectory(repository.resolve("service-migrations"))) {
            throw BenchmarkException.usage("--all needs the repository root (with service-migrations/), but " + repository
                    + " has none: run from the repository root, give --repository DIR, or use --no-all.");
        }
        return new Options(sizes, rounds, warmup, backend, verifyAll, markdown, repository);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw BenchmarkException.usage(option + " needs a value.\n" + HELP);
        }
        return args[i];
    }

    private static List<Integer> sizes(String value) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : value.split(",")) {
            sizes.add(positive(part.strip(), "--sizes", 1));
        }
        return List.copyOf(sizes);
    }

    private static int positive(String value, String option, int least) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= least) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw BenchmarkException.usage(option + " takes whole numbers of at least " + least + "; got '" + value + "'.");
    }

    private static PostgresBackend backend(String value) {
        PostgresBackend backend = PostgresBackend.parse(value, "--postgres");
        if (backend != PostgresBackend.EMBEDDED && backend != PostgresBackend.TESTCONTAINERS) {
            throw BenchmarkException.usage("--postgres takes embedded or testcontainers; got '" + value + "'.");
        }
        return backend;
    }
}
