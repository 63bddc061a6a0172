package org.migrationharness.apply;

/**
 * One statement of an SQL script.
 *
 * @param sql the statement's text, without the terminating semicolon
 * @param line the 1-based line where the statement starts (comments before it excluded), as Flyway counts
 */
public record SqlStatement(String sql, int line) {

    /** Whether PostgreSQL refuses to run this statement inside a transaction block. */
    public boolean nonTransactional() {
        String s = SqlScript.withoutComments(sql).strip().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT);
        return s.matches("^(CREATE (UNIQUE )?INDEX CONCURRENTLY|DROP INDEX CONCURRENTLY|REINDEX .*CONCURRENTLY|VACUUM|"
                + "CREATE DATABASE|DROP DATABASE|ALTER SYSTEM|CREATE TABLESPACE|DROP TABLESPACE|"
                + "ALTER TABLE .* DETACH PARTITION .* CONCURRENTLY|CLUSTER$).*");
    }
}
