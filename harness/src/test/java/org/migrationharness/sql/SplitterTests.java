package org.migrationharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("sql: splitting a script into statements")
class SplitterTests {

    @Test
    void should_not_split_a_create_rule_at_semicolons_inside_its_parentheses() {
        List<ScriptStatement> statements = Splitter.split("""
                CREATE RULE r AS ON INSERT TO t DO INSTEAD (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));
                SELECT 1;
                """);
        assertThat(statements).extracting(ScriptStatement::line).containsExactly(1, 2);
        assertThat(statements.get(0).text()).endsWith("INSERT INTO b VALUES (2))");
    }

    @Test
    void should_give_the_right_line_after_an_e_string_with_an_escaped_newline() {
        List<ScriptStatement> statements = Splitter.split("INSERT INTO t VALUES (E'a\\\nb');\nSELECT 1;\n\nSELECT 2;");
        assertThat(statements).extracting(ScriptStatement::line).containsExactly(1, 3, 5);
    }

    @Test
    void should_give_each_statement_the_line_of_its_first_non_comment_token() {
        List<ScriptStatement> statements = Splitter.split("""
                -- header; not a statement
                /* block
                   comment; */ CREATE TABLE a (id int); -- trailing; comment
                  -- before
                  ALTER TABLE a
                    ADD COLUMN b text /* inside */;
                """);
        assertThat(statements).extracting(ScriptStatement::line).containsExactly(3, 5);
        assertThat(statements).extracting(ScriptStatement::text)
                .containsExactly("CREATE TABLE a (id int)", "ALTER TABLE a\n    ADD COLUMN b text /* inside */");
    }

    @Test
    void should_keep_semicolons_inside_strings_identifiers_dollar_quotes_and_comments() {
        List<ScriptStatement> statements = Splitter.split("""
                SELECT 'a;b', E'c\\';d', "x;y", U&"z;" UESCAPE '!', B'1', /* ; */ 1;
                DO $do$ BEGIN RAISE NOTICE '$$;'; END $do$;
                SELECT $1, $$;$$
                """);
        assertThat(statements).extracting(ScriptStatement::line).containsExactly(1, 2, 3);
        assertThat(statements.get(2).text()).isEqualTo("SELECT $1, $$;$$");
    }

    @Test
    void should_keep_a_begin_atomic_body_with_case_expressions_in_one_statement() {
        List<ScriptStatement> statements = Splitter.split("""
                CREATE /* 1 */ /* 2 */ /* 3 */ /* 4 */ /* 5 */ /* 6 */ /* 7 */ /* 8 */ /* 9 */ /* 10 */ /* 11 */
                OR REPLACE PROCEDURE p(a int) LANGUAGE sql
                BEGIN ATOMIC
                  INSERT INTO t SELECT CASE WHEN a > 0 THEN CASE a WHEN 1 THEN 1 END ELSE 0 END;
                  INSERT INTO t VALUES ((CASE a WHEN 2 THEN 2 END));
                END;
                SELECT 3;
                """);
        assertThat(statements).extracting(ScriptStatement::line).containsExactly(1, 7);
        assertThat(statements.get(0).text()).endsWith("END");
    }

    @Test
    void should_split_transaction_blocks_and_a_routine_named_begin_at_each_semicolon() {
        List<ScriptStatement> statements = Splitter.split("""
                BEGIN;
                CREATE FUNCTION begin() RETURNS int LANGUAGE sql AS 'SELECT 1';
                END;
                """);
        assertThat(statements).extracting(ScriptStatement::text)
                .containsExactly("BEGIN", "CREATE FUNCTION begin() RETURNS int LANGUAGE sql AS 'SELECT 1'", "END");
    }

    @Test
    void should_leave_out_empty_statements_and_keep_a_last_statement_without_semicolon() {
        assertThat(Splitter.split(";;\n-- only a comment\n/* and ; another */")).isEmpty();
        assertThat(Splitter.split("SELECT 1;;\n\nSELECT 2 -- no semicolon")).extracting(ScriptStatement::text)
                .containsExactly("SELECT 1", "SELECT 2 -- no semicolon");
    }

    @Test
    void should_ignore_a_closing_parenthesis_without_an_opening_one() {
        assertThat(Splitter.split("SELECT 1);\nSELECT (2;\n);")).extracting(ScriptStatement::line).containsExactly(1, 2);
    }
}
