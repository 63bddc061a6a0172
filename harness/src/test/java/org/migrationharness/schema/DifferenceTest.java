package org.migrationharness.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DifferenceTest {

    @Test
    void should_word_a_changed_property() {
        Difference d = new Difference("table accounts", "column status: default", "'active'::character varying", "(none)");

        assertThat(d.text("before", "after"))
                .isEqualTo("table accounts: column status: default 'active'::character varying -> (none)");
        assertThat(d.kind()).isEqualTo(Difference.Kind.DEFINITION);
    }

    @Test
    void should_word_a_column_order_like_any_other_property() {
        Difference d = new Difference("table accounts", "column order", "[id, code, email]", "[id, email, code]",
                Difference.Kind.COLUMN_ORDER);

        assertThat(d.text("before V2", "after U2"))
                .isEqualTo("table accounts: column order [id, code, email] -> [id, email, code]");
    }

    @Test
    void should_word_an_object_present_on_one_side() {
        assertThat(new Difference("type account_tier", null, null, Difference.PRESENT).text("before", "after"))
                .isEqualTo("type account_tier: present after, absent before");
        assertThat(new Difference("table accounts", "column tier", "text", null).text("expected", "actual"))
                .isEqualTo("table accounts: column tier: present expected, absent actual (text)");
    }

    @Test
    void should_show_long_values_around_the_change_only() {
        String before = "SELECT a.id, a.name, a.email, a.created_at\n   FROM public.accounts a\n  WHERE a.active = true "
                + "AND a.created_at > now() - '30 days'::interval;";
        String after = before.replace("a.active = true", "a.active = false");

        assertThat(new Difference("view recent", "definition", before, after).text("before", "after"))
                .isEqualTo("view recent: definition ...unts a WHERE a.active = true AND a.created_at > now... "
                        + "-> ...unts a WHERE a.active = false AND a.created_at > now...");
    }
}
