/**
 * migration-harness: proves PostgreSQL migrations are safe before they reach production.
 *
 * <p>The data path reads one way: {@code source} (read a migration set) -> {@code postgres} (provision a server and
 * databases) -> {@code apply} (up with Flyway, down by the harness) -> {@code schema} (snapshot and diff)
 * -> {@code check} (findings) -> {@code report}. {@code junit} and {@code cli} are the two front ends. This package
 * holds what every layer shares: {@link org.migrationharness.HarnessException} and its {@link org.migrationharness.ErrorCode}.
 */
package org.migrationharness;
