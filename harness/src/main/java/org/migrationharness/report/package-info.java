/**
 * Reports: the model of a run ({@link org.migrationharness.report.RunReport}, one
 * {@link org.migrationharness.report.ServiceReport} per service, a {@link org.migrationharness.report.CheckResult} per
 * check) and its writers (text, JSON, JUnit XML, SARIF, Markdown), found through the seam
 * {@link org.migrationharness.report.ReportWriter}. The findings and check ids a report lists are the shared vocabulary
 * of the root package ({@link org.migrationharness.Finding}, {@link org.migrationharness.CheckId},
 * {@link org.migrationharness.Severity}). Depends on no other harness package but that vocabulary and {@code internal}.
 */
package org.migrationharness.report;
