/**
 * Applying migrations: up through Flyway, down by the harness ({@link org.migrationharness.apply.Migrator}), and the
 * PostgreSQL-aware statement splitter that gives down scripts Flyway's line numbers. Flyway types stay inside this
 * package.
 */
package org.migrationharness.apply;
