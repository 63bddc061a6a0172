package org.migrationharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("sql: classifying statements on their tokens")
class ScriptStatementTests {

    @ParameterizedTest
    @ValueSource(strings = {"create index concurrently i on t (a)", "CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)",
            "-- x\nDROP INDEX CONCURRENTLY IF EXISTS i", "/* a */ DROP /* b */ INDEX\n CONCURRENTLY i",
            "REINDEX INDEX CONCURRENTLY i", "REINDEX (VERBOSE, CONCURRENTLY) TABLE t", "REINDEX DATABASE d",
            "REINDEX (VERBOSE) SCHEMA s", "REINDEX SYSTEM", "VACUUM", "vacuum (analyze) t", "CREATE DATABASE d",
            "DROP DATABASE d", "ALTER SYSTEM SET work_mem = '8MB'", "CREATE TABLESPACE ts LOCATION '/x'",
            "DROP TABLESPACE ts", "ALTER TABLE p DETACH PARTITION c CONCURRENTLY", "CLUSTER", "CLUSTER VERBOSE",
            "CLUSTER (VERBOSE)"})
    void should_tell_statements_that_cannot_run_in_a_transaction_block(String sql) {
        assertThat(ScriptStatement.of(sql).nonTransactional()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE INDEX i ON t (a)", "CREATE INDEX concurrently_named ON t (a)",
            "DROP INDEX i", "REINDEX TABLE t", "REINDEX INDEX \"concurrently\"", "SELECT 'VACUUM'",
            "-- VACUUM\nSELECT 1", "CLUSTER t USING i", "CLUSTER VERBOSE t", "ALTER TABLE p DETACH PARTITION c",
            "ALTER TABLE t ADD COLUMN concurrently int", "COMMENT ON TABLE t IS 'CREATE DATABASE'",
            "CREATE TABLE database (id int)", "ALTER TABLE system ADD COLUMN a int", ""})
    void should_let_every_other_statement_run_in_a_transaction_block(String sql) {
        assertThat(ScriptStatement.of(sql).nonTransactional()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BEGIN", "begin transaction isolation level serializable", "START TRANSACTION",
            "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT s", "RELEASE SAVEPOINT s", "RELEASE s",
            "ROLLBACK TO SAVEPOINT s", "PREPARE TRANSACTION 'x'", "COMMIT PREPARED 'x'", "/* c */ COMMIT"})
    void should_tell_transaction_control_statements(String sql) {
        assertThat(ScriptStatement.of(sql).isTransactionControl()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DO $$ BEGIN PERFORM 1; END $$", "PREPARE p AS SELECT 1", "START", "SELECT 'COMMIT'",
            "-- COMMIT\nSELECT 1", "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END",
            "BEGIN ATOMIC SELECT 1; END", "UPDATE t SET \"end\" = 1"})
    void should_not_take_other_statements_for_transaction_control(String sql) {
        assertThat(ScriptStatement.of(sql).isTransactionControl()).isFalse();
    }

    @Test
    void should_classify_the_statements_the_splitter_gives() {
        assertThat(Splitter.split("BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;"))
                .extracting(ScriptStatement::isTransactionControl, ScriptStatement::nonTransactional)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, false),
                        org.assertj.core.groups.Tuple.tuple(false, true),
                        org.assertj.core.groups.Tuple.tuple(true, false));
    }
}
