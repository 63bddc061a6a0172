package org.migrationharness.check.naming;

import java.util.List;

import org.migrationharness.sql.Identifiers;
import org.migrationharness.sql.TokenKind;

/**
 * Finds the identifiers of a PostgreSQL script the way the server's lexer reads them: unquoted ones (folded to lower
 * case), double-quoted ones ({@code ""} inside, {@code U&"..."} with unicode escapes and {@code UESCAPE}); nothing in
 * string constants, comments, dollar quotes or parameters counts. Keywords are returned as identifiers too: no keyword
 * is anywhere near 63 bytes, so the caller filters by length. A view of {@link Identifiers}.
 */
public final class SqlIdentifiers {

    private SqlIdentifiers() {
    }

    /** Every identifier in the script, in order. */
    public static List<SqlIdentifier> scan(String sql) {
        return Identifiers.scan(sql).stream()
                .map(t -> new SqlIdentifier(t.identifier(), t.kind() == TokenKind.QUOTED_IDENTIFIER, t.line()))
                .toList();
    }
}
