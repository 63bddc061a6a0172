/**
 * Provisioning: one PostgreSQL server per run ({@link org.migrationharness.postgres.PostgresServer}) from one of three
 * backends, and the databases the harness creates, clones and drops on it. Testcontainers and zonky types stay in
 * this package's package-private classes.
 */
package org.migrationharness.postgres;
