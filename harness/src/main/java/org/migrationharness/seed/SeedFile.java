package org.migrationharness.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;

/**
 * One seed file as read: a row fixture ({@code *.yaml}, {@code *.yml}, {@code *.json}) or an SQL file ({@code *.sql}).
 */
sealed interface SeedFile permits SeedFile.RowsFile, SeedFile.SqlFile {

    /** The file. */
    Path file();

    /**
     * Reads a seed file, as its name says: a row fixture or an SQL file.
     *
     * @throws HarnessException ({@link ErrorCode#INPUT}) when it cannot be read or is no valid row fixture
     */
    static SeedFile read(Path file) {
        if (FixtureReader.isRowFixture(file)) {
            return new RowsFile(FixtureReader.read(file));
        }
        try {
            return new SqlFile(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot read " + DisplayPath.of(file) + ": " + e.getMessage(), e);
        }
    }

    /** A row fixture. */
    record RowsFile(RowFixture fixture) implements SeedFile {

        @Override
        public Path file() {
            return fixture.file();
        }
    }

    /** An SQL seed file and its text. */
    record SqlFile(Path file, String text) implements SeedFile {
    }
}
