package org.migrationharness.source.naming;

import java.nio.file.Path;

/**
 * A migration file's name, split as Flyway reads it.
 *
 * @param prefix {@code V}, {@code U} or {@code R}
 * @param version the version as written, null for a repeatable
 * @param description the description after {@code __}, without {@code .sql}
 * @param file the file
 */
public record ScriptName(String prefix, String version, String description, Path file) {
}
