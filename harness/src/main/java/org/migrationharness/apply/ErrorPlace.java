package org.migrationharness.apply;

import java.sql.SQLException;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Where in a script a statement failed: the line and column of the error itself when the server gave its position
 * (a parse or analysis error), else the statement's first line; and the statement's first line beside it.
 *
 * @param line the 1-based line of the error (the statement's first line when the server gave no position)
 * @param column the 1-based column of the error in that line, or 0 when unknown
 * @param statementLine the 1-based line where the failing statement starts
 */
record ErrorPlace(int line, int column, int statementLine) {

    /** Where {@code statement} (sent as its {@link SqlStatement#written()} text) failed with {@code error}. */
    static ErrorPlace of(SqlStatement statement, SQLException error) {
        return within(statement.written(), statement.line(), statement.column(), position(error));
    }

    /**
     * The place of the 1-based character {@code position} of {@code sent}, a text that starts at {@code line},
     * {@code column}; a position of 0 (none given) is the start of the text, column unknown.
     */
    static ErrorPlace within(String sent, int line, int column, int position) {
        if (position <= 0 || sent == null) {
            return new ErrorPlace(line, 0, line);
        }
        int errorLine = line;
        int errorColumn = column;
        int seen = 0;
        for (int i = 0; i < sent.length() && seen < position - 1; seen++) {
            int codePoint = sent.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == '\n') {
                errorLine++;
                errorColumn = 1;
            } else {
                errorColumn++;
            }
        }
        return new ErrorPlace(errorLine, errorColumn, line);
    }

    /** The same place in a file where the script's line 1 is {@code firstLine}. */
    ErrorPlace inFile(int firstLine) {
        return new ErrorPlace(line + firstLine - 1, column, statementLine + firstLine - 1);
    }

    /** The server's 1-based character position of the error in the query it was sent, or 0. */
    static int position(SQLException error) {
        if (error instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage message = psql.getServerErrorMessage();
            return message.getPosition() > 0 ? message.getPosition() : 0;
        }
        return 0;
    }

    /** {@code line 5, column 12} or {@code line 5}. */
    String describe() {
        return "line " + line + (column > 0 ? ", column " + column : "");
    }
}
