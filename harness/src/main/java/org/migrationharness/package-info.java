/**
 * migration-harness: proves PostgreSQL migrations are safe before they reach production.
 *
 * <p>The data path reads one way: {@code source} (read a migration set) -> {@code postgres} (provision a server and
 * databases) -> {@code apply} (up with Flyway, down by the harness) -> {@code schema} (snapshot and diff)
 * -> {@code seed} -> {@code report} (the report model and its writers) -> {@code check} (the checks and the verifier);
 * {@code assertions}, {@code junit} and {@code cli} are the front ends. Each package uses only those before it
 * (docs/architecture.md has the layers; ArchUnit enforces them).
 *
 * <p>This package is the core every layer may use: the vocabulary they share,
 * {@link org.migrationharness.HarnessException} with its {@link org.migrationharness.ErrorCode}, and what a check reports, {@link org.migrationharness.Finding},
 * {@link org.migrationharness.CheckId} and {@link org.migrationharness.Severity}. They live here rather than in a
 * {@code core} subpackage because this package already held the shared vocabulary, and at the root they belong to no
 * step of the data path: {@code source} reports a badly named file with the same {@code Finding} a check reports,
 * without depending on {@code report} or {@code check}. Nothing here depends on another harness package.
 */
package org.migrationharness;
