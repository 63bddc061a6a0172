/**
 * The object rules of the naming conventions ({@code naming.object}): names in the migrated catalog
 * ({@link org.migrationharness.check.naming.ObjectNaming}) and identifiers in the scripts that the server would
 * truncate ({@link org.migrationharness.check.naming.SqlIdentifiers}). Configured by
 * {@code org.migrationharness.source.naming}; {@code check} gives them a snapshot, the server's reserved words and the
 * scanned scripts.
 */
package org.migrationharness.check.naming;
