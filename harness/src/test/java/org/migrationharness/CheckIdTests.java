package org.migrationharness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Check ids are values: the harness's own as constants, others declared with their texts, equal by their text. */
class CheckIdTests {

    @Test
    void should_keep_the_ids_of_the_contract_in_their_order() {
        assertThat(CheckId.known()).extracting(CheckId::id).containsExactly("up.apply", "down.missing", "down.apply",
                "down.leaves-trace", "up.reapply-differs", "chain.down-up", "idempotency.remigrate", "schema.expected",
                "seed.load", "idempotency.seed", "naming.file", "order.duplicate-version", "naming.object",
                "history.modified", "history.out-of-order", "risk.lock", "risk.rewrite", "risk.scan",
                "data.rollback-loss");
        assertThat(CheckId.known()).filteredOn(CheckId::measured).containsExactly(CheckId.RISK_LOCK,
                CheckId.RISK_REWRITE, CheckId.RISK_SCAN, CheckId.DATA_ROLLBACK_LOSS);
        assertThat(CheckId.known()).filteredOn(CheckId::needsBase).containsExactly(CheckId.HISTORY_MODIFIED,
                CheckId.HISTORY_OUT_OF_ORDER);
        assertThat(CheckId.byId("down.apply")).isSameAs(CheckId.DOWN_APPLY);
    }

    @Test
    void should_refuse_to_declare_an_id_the_harness_has() {
        assertThatThrownBy(() -> CheckId.of("up.apply", "something else", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Check id up.apply is already declared by the harness: an up migration failed to apply");
    }

    @Test
    void should_give_a_declared_id_its_texts_wherever_it_is_named() {
        CheckId declared = CheckId.of("test.declared-once", "a thing is wrong", "Proves: nothing is wrong.\n");

        assertThat(CheckId.of("test.declared-once")).isSameAs(declared);
        assertThat(CheckId.of("test.declared-once", "a thing is wrong", "Proves: nothing is wrong.\n")).isSameAs(declared);
        assertThat(declared.explanation()).isEqualTo("Proves: nothing is wrong.\n");
        assertThatThrownBy(() -> CheckId.of("test.declared-once", "another thing", null))
                .hasMessageContaining("already declared with other texts");
    }

    @Test
    void should_give_an_id_declared_nowhere_a_general_meaning_and_compare_ids_by_their_text() {
        CheckId lint = CheckId.of("lint.add-column-default");

        assertThat(lint.meaning()).isEqualTo("an unsafe operation found in the SQL text");
        assertThat(lint.declared()).isFalse();
        assertThat(CheckId.of("test.anything").meaning()).isEqualTo("a check of migration-harness");
        assertThat(lint).isEqualTo(new CheckId("lint.add-column-default", "other words", null)).hasToString(
                "lint.add-column-default");
        assertThat(new Finding(lint, Severity.WARNING, null, null, null, "x").isOf(lint)).isTrue();
        assertThat(new Finding(lint, Severity.WARNING, null, null, null, "x").isOf(CheckId.UP_APPLY)).isFalse();
    }
}
