/**
 * Seeds: fixtures per environment ({@code seeds/<service>/<environment>/}), loaded idempotently in one transaction.
 *
 * <p>{@link org.migrationharness.seed.SeedLoader} loads a folder's {@code common/} and environment files: SQL files
 * statement by statement, and row fixtures (YAML or JSON: a table, a natural key, rows) as upserts by natural key, in
 * foreign-key order, with references to other rows by their natural key instead of generated ids. It never deletes
 * or truncates a row. {@link org.migrationharness.seed.DataSnapshot} fingerprints the data of a service's schemas, so
 * a second load can be proven to change nothing. Independent of JUnit and of the CLI; progress goes to a
 * {@link org.migrationharness.seed.SeedListener}, never to the console. {@link org.migrationharness.seed.SeedPolicy}
 * holds the rules that keep seeds out of production (environment, host, database name), enforced alike by the
 * {@code seed} command and by {@code SeedLoader.load(..., policy)}. {@link org.migrationharness.seed.SyntheticRows}
 * fills every table of a migrated schema with generated rows (from the catalog, on the server, deterministic per
 * seed), so a migration can be measured on tables that hold rows as in production.
 */
package org.migrationharness.seed;
