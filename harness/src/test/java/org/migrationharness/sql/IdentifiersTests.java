package org.migrationharness.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("sql: the identifiers of a script")
class IdentifiersTests {

    @Test
    void should_list_words_and_quoted_identifiers_with_their_lines_and_nothing_else() {
        String sql = "-- comment\nCREATE TABLE \"T\" (\n  e text DEFAULT E'x\\\ny', n int DEFAULT $1, b bit DEFAULT B'1',\n"
                + "  d text DEFAULT $d$ dollar $d$ /* c */, u text DEFAULT U&'\\0061' UESCAPE '\\'\n);\nCOMMENT ON TABLE t IS 'x';";
        assertThat(Identifiers.scan(sql)).extracting(Token::identifier, Token::line).containsExactly(
                tuple("create", 2), tuple("table", 2), tuple("T", 2), tuple("e", 3), tuple("text", 3),
                tuple("default", 3), tuple("n", 4), tuple("int", 4), tuple("default", 4), tuple("b", 4),
                tuple("bit", 4), tuple("default", 4), tuple("d", 5), tuple("text", 5), tuple("default", 5),
                tuple("u", 5), tuple("text", 5), tuple("default", 5), tuple("comment", 7), tuple("on", 7),
                tuple("table", 7), tuple("t", 7), tuple("is", 7));
    }
}
