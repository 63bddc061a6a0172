/**
 * Applying migrations: up through Flyway, down by the harness ({@link org.migrationharness.apply.Migrator}), with the
 * statements of down scripts split by {@code org.migrationharness.sql} at Flyway's line numbers. Flyway types stay
 * inside this package.
 */
package org.migrationharness.apply;
