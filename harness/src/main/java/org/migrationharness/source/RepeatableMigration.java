package org.migrationharness.source;

/**
 * A repeatable migration (Flyway's {@code R__<description>.sql}), applied after the versioned ones whenever it changes.
 * Only the Flyway format has them.
 *
 * @param description the description from the file name
 * @param script the script
 */
public record RepeatableMigration(String description, Script script) {
}
