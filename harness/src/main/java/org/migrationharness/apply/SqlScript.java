package org.migrationharness.apply;

import java.util.List;

import org.migrationharness.sql.Splitter;

/**
 * Splits a PostgreSQL script into statements the way psql does, with the start lines Flyway reports: a thin view of
 * {@link Splitter} (see {@code org.migrationharness.sql} for the lexing).
 */
public final class SqlScript {

    private SqlScript() {
    }

    public static List<SqlStatement> split(String script) {
        return Splitter.split(script).stream()
                .map(s -> new SqlStatement(s.text(), s.line(), s.column(), s.written())).toList();
    }
}
