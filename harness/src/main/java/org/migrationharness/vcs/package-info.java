/**
 * Version control: what a pull request changed and what its base held, read from a git checkout with the user's own
 * {@code git} ({@link org.migrationharness.vcs.GitCheckout}). Read-only; used by the command line for
 * {@code --changed-since} and {@code --base}.
 */
package org.migrationharness.vcs;
