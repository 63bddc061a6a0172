/**
 * The checks of CONTRACT.md and the {@link org.migrationharness.check.Verifier} that runs them on a server, one
 * service at a time, collecting every finding. Independent of JUnit and of the CLI.
 */
package org.migrationharness.check;
