package org.migrationharness.source;

import java.nio.file.Path;

/**
 * A repeatable migration ({@code R__<description>.sql}), applied after the versioned ones whenever it changes.
 *
 * @param description the description from the file name
 * @param script the script
 */
public record RepeatableMigration(String description, Path script) {
}
