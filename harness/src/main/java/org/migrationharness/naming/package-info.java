/**
 * Naming conventions: the configurable rules of {@code naming.file} (migration file names) and {@code naming.object}
 * (names in the migrated catalog, and identifiers the server would truncate), their {@code naming:} configuration in
 * {@code harness.yaml} and {@code harness-defaults.yaml}, and suppressions with reasons.
 *
 * <p>Touches no database and knows no migration set: {@code source} applies the file rules while reading a folder,
 * {@code check} gives the object rules a snapshot, the server's reserved words and the scanned scripts.
 */
package org.migrationharness.naming;
