/**
 * The schema as PostgreSQL's catalog has it: {@link org.migrationharness.schema.SchemaReader} takes a
 * {@link org.migrationharness.schema.SchemaSnapshot} of a database's schemas, {@link org.migrationharness.schema.SchemaDiff}
 * compares two of them in a reviewer's words, and {@link org.migrationharness.schema.SchemaFiles} reads and writes the
 * committed expectation ({@code expected-schema.json}). Every later check that compares schemas (reversibility,
 * re-application, idempotency, the expectation) builds on this package; it knows nothing of JUnit, the CLI or Flyway.
 */
package org.migrationharness.schema;
