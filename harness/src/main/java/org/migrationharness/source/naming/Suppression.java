package org.migrationharness.source.naming;

import java.nio.file.Path;

/**
 * One object a rule does not apply to, and why.
 *
 * @param rule the rule
 * @param object the object as findings name it, e.g. {@code index order_service.idx_orders_status}
 * @param reason why the name is kept; required
 * @param file the {@code harness.yaml} it comes from
 * @param line the 1-based line of the suppression in {@code file}, or 0
 */
public record Suppression(NamingRule rule, String object, String reason, Path file, int line) {
}
