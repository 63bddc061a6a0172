package org.migrationharness.check.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.migrationharness.sql.Names;

@DisplayName("naming: the identifier scan behind max-length")
class NamingIdentifierScanTests {

    static final String LONG = "a_very_long_identifier_that_goes_on_and_on_past_the_limit_of_sixty_three";

    @Test
    void should_fold_unquoted_identifiers_and_keep_quoted_ones_with_their_lines() {
        assertThat(SqlIdentifiers.scan("CREATE TABLE Shop.\"UserPreferences\" (\n  \"say \"\"hi\"\"\" int, a$b int\n);"))
                .containsExactly(new SqlIdentifier("create", false, 1), new SqlIdentifier("table", false, 1),
                        new SqlIdentifier("shop", false, 1), new SqlIdentifier("UserPreferences", true, 1),
                        new SqlIdentifier("say \"hi\"", true, 2), new SqlIdentifier("int", false, 2),
                        new SqlIdentifier("a$b", false, 2), new SqlIdentifier("int", false, 2));
    }

    @Test
    void should_skip_strings_comments_dollar_bodies_and_parameters() {
        String sql = "-- " + LONG + "\n/* " + LONG + " /* nested */ " + LONG + " */\n"
                + "SELECT '" + LONG + "', E'it\\'s " + LONG + "', U&'" + LONG + "', $1,\n"
                + "$fn$ " + LONG + " $fn$, $$\n" + LONG + "\n$$, x;";

        assertThat(SqlIdentifiers.scan(sql)).extracting(SqlIdentifier::name).containsExactly("select", "x");
        assertThat(SqlIdentifiers.scan(sql)).last().extracting(SqlIdentifier::line).isEqualTo(6);
    }

    @Test
    void should_decode_unicode_identifiers() {
        assertThat(SqlIdentifiers.scan("SELECT U&\"d\\0061t\\+000061\", U&\"d!0061ta\" UESCAPE '!' FROM t"))
                .extracting(SqlIdentifier::name).containsExactly("select", "data", "data", "from", "t");
    }

    @Test
    void should_measure_bytes_and_truncate_like_the_server() {
        SqlIdentifier ascii = new SqlIdentifier("x".repeat(64), false, 1);
        assertThat(ascii.truncated()).isTrue();
        assertThat(ascii.stored()).hasSize(63);

        SqlIdentifier accented = new SqlIdentifier("é".repeat(32), true, 1);
        assertThat(accented.bytes()).isEqualTo(64);
        assertThat(accented.stored()).isEqualTo("é".repeat(31));
        assertThat(new SqlIdentifier("é".repeat(31), true, 1).truncated()).isFalse();
    }

    @Test
    void should_turn_names_into_snake_case() {
        assertThat(Names.snakeCase("AddPhone")).isEqualTo("add_phone");
        assertThat(Names.snakeCase("accountId")).isEqualTo("account_id");
        assertThat(Names.snakeCase("HTTPServerLog")).isEqualTo("http_server_log");
        assertThat(Names.snakeCase("add-phone number")).isEqualTo("add_phone_number");
    }
}
