/**
 * Migration sets as read from disk: versions in Flyway's order, up and down scripts, repeatables, the service's
 * {@code harness.yaml} (with the repository's {@code harness-defaults.yaml}), and what is wrong with the folder's file
 * names (the configurable file rules and the {@code naming:} configuration are in {@code source.naming}). Touches no
 * database.
 */
package org.migrationharness.source;
