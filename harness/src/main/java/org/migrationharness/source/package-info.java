/**
 * Migration sets as read from disk: versions in Flyway's order, up and down scripts, repeatables, the service's
 * {@code harness.yaml}, and what is wrong with the folder's file names. Touches no database.
 */
package org.migrationharness.source;
