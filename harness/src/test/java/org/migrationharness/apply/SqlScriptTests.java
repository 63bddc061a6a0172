package org.migrationharness.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SqlScriptTests {

    @Test
    void should_split_on_semicolons_and_give_the_line_of_each_statement_after_its_comments() {
        List<SqlStatement> statements = SqlScript.split("""
                -- header
                CREATE TABLE a (id int);

                /* block
                   comment; */
                ALTER TABLE a
                  ADD COLUMN b text;
                """);
        assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 6);
        assertThat(statements.get(1).sql()).isEqualTo("ALTER TABLE a\n  ADD COLUMN b text");
    }

    @Test
    void should_keep_semicolons_inside_strings_identifiers_and_dollar_quotes() {
        List<SqlStatement> statements = SqlScript.split("""
                INSERT INTO t VALUES ('a;b', E'c\\';d', "x;y");
                CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $fn$
                BEGIN
                  PERFORM 1; RETURN 2;
                END $fn$;
                DO $$ BEGIN RAISE NOTICE ';'; END $$;
                SELECT 1
                """);
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 2, 6, 7);
        assertThat(statements.get(1).sql()).endsWith("END $fn$");
    }

    @Test
    void should_keep_a_begin_atomic_body_in_one_statement() {
        List<SqlStatement> statements = SqlScript.split("""
                CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;
                  SELECT 2;
                END;
                SELECT 3;
                """);
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 6);
    }

    @Test
    void should_count_lines_inside_multiline_strings() {
        List<SqlStatement> statements = SqlScript.split("COMMENT ON TABLE a IS 'x\n\ny';\nSELECT 1;");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 4);
    }

    @Test
    void should_tell_statements_that_cannot_run_in_a_transaction() {
        assertThat(new SqlStatement("create index concurrently i on t (a)", 1).nonTransactional()).isTrue();
        assertThat(new SqlStatement("-- x\nDROP INDEX CONCURRENTLY IF EXISTS i", 1).nonTransactional()).isTrue();
        assertThat(new SqlStatement("CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)", 1).nonTransactional()).isTrue();
        assertThat(new SqlStatement("CREATE INDEX i ON t (a)", 1).nonTransactional()).isFalse();
        assertThat(new SqlStatement("VACUUM t", 1).nonTransactional()).isTrue();
    }

    @Test
    void should_ignore_empty_statements_and_trailing_comments() {
        assertThat(SqlScript.split(";;\n-- only a comment\n")).isEmpty();
    }
}
