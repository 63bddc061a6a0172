package org.migrationharness.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.migrationharness.postgres.Database;

/**
 * Run a, the floor: the least any tool must do to prove the same thing. Every up script, then every down in reverse
 * order, then every up again, each file's text in one {@link Statement#execute}, autocommit, through one JDBC
 * session. No history table, no schema reads, no checks.
 */
final class SqlFloor {

    private final List<String> ups = new ArrayList<>();
    private final List<String> downs = new ArrayList<>();

    /** Reads the scripts of the set's Flyway folder (before any clock starts). */
    SqlFloor(GeneratedSet set) {
        for (Step step : set.steps()) {
            String name = step.version() + "__" + step.description() + ".sql";
            ups.add(read(set.flyway().resolve("V" + name)));
            downs.add(read(set.flyway().resolve("U" + name)));
        }
    }

    /** Runs up, down, up on the given empty database; returns the wall time in nanoseconds. */
    long run(Database database) {
        long start = System.nanoTime();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < ups.size(); i++) {
                execute(statement, ups.get(i), "V" + (i + 1));
            }
            for (int i = downs.size() - 1; i >= 0; i--) {
                execute(statement, downs.get(i), "U" + (i + 1));
            }
            for (int i = 0; i < ups.size(); i++) {
                execute(statement, ups.get(i), "V" + (i + 1) + " (second time)");
            }
        } catch (SQLException e) {
            throw new BenchmarkException("The SQL floor could not use database " + database.name() + ": "
                    + e.getMessage(), e);
        }
        return System.nanoTime() - start;
    }

    private static void execute(Statement statement, String sql, String script) {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new BenchmarkException("The SQL floor failed at " + script + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
