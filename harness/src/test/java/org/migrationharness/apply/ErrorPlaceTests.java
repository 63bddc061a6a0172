package org.migrationharness.apply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The server's character position of an error, turned into the line and column of the file. */
class ErrorPlaceTests {

    @Test
    void should_place_an_error_on_the_statements_first_line_after_its_start_column() {
        SqlStatement statement = SqlScript.split("-- c\n  SELECT 1 +;\n").get(0);

        ErrorPlace place = ErrorPlace.within(statement.written(), statement.line(), statement.column(), 11);

        assertThat(statement.written()).isEqualTo("SELECT 1 +;");
        assertThat(place).isEqualTo(new ErrorPlace(2, 13, 2));
        assertThat(place.describe()).isEqualTo("line 2, column 13");
    }

    @Test
    void should_count_lines_and_characters_not_utf16_units_after_the_first_line() {
        String sent = "INSERT INTO t VALUES ('😀',\n    nosuch)";
        int position = sent.codePointCount(0, sent.indexOf("nosuch")) + 1;

        assertThat(ErrorPlace.within(sent, 7, 3, position)).isEqualTo(new ErrorPlace(8, 5, 7));
    }

    @Test
    void should_name_the_statements_line_without_a_column_when_the_server_gave_no_position() {
        ErrorPlace place = ErrorPlace.within("SELECT 1/0", 4, 1, 0);

        assertThat(place).isEqualTo(new ErrorPlace(4, 0, 4));
        assertThat(place.describe()).isEqualTo("line 4");
        assertThat(place.inFile(10)).isEqualTo(new ErrorPlace(13, 0, 13));
    }

    @Test
    void should_keep_the_semicolon_and_the_text_between_statement_and_semicolon_as_written() {
        assertThat(SqlScript.split("SELECT 1 ;\nSELECT 2").stream().map(SqlStatement::written))
                .containsExactly("SELECT 1 ;", "SELECT 2");
    }
}
