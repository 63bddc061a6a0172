/**
 * JUnit 5 support: {@link org.migrationharness.junit.MigrationTest} for data-migration tests, and
 * {@link org.migrationharness.junit.ServiceChecks} to run the standard checks of every service as dynamic tests.
 * The only package that depends on JUnit.
 */
package org.migrationharness.junit;
