/**
 * The naming conventions as {@code harness.yaml} configures them, and the file rules.
 *
 * <p>The {@code naming:} configuration of {@code harness.yaml} and {@code harness-defaults.yaml}
 * ({@link org.migrationharness.source.naming.NamingConfig}: the rules of {@code naming.file} and {@code naming.object},
 * their settings, suppressions with reasons, the baseline) and the findings they report
 * ({@link org.migrationharness.source.naming.NamingReport}), read with the rest of a service's configuration; and the
 * rules of migration file names ({@link org.migrationharness.source.naming.FileNaming}), which {@code source} applies
 * while reading a folder. The object rules, which need the migrated catalog, are in
 * {@code org.migrationharness.check.naming}.
 *
 * <p>Touches no database and knows no catalog: depends only on the shared vocabulary, {@code sql} and
 * {@code internal}.
 */
package org.migrationharness.source.naming;
