/**
 * Findings and reports: the values every check produces ({@link org.migrationharness.report.Finding}), the stable
 * check ids ({@link org.migrationharness.report.CheckId}), and the JSON and text forms of a run. Depends on no other
 * harness package.
 */
package org.migrationharness.report;
