/**
 * The checks of CONTRACT.md and the {@link org.migrationharness.check.Verifier} that runs them on a server, one
 * service at a time, collecting every finding. Independent of JUnit and of the CLI. The seam of checks is
 * {@link org.migrationharness.check.Check}: each declares the {@link org.migrationharness.check.Stage}s it needs and
 * gets their results, computed once per set, from its {@link org.migrationharness.check.CheckContext}; checks from
 * outside the harness are found with {@link java.util.ServiceLoader}.
 */
package org.migrationharness.check;
