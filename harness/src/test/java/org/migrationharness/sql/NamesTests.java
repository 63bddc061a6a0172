package org.migrationharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Names}: the one quoting of identifiers, and a name as SQL writes it. */
class NamesTests {

    @Test
    void should_quote_an_identifier_doubling_the_double_quotes_in_it() {
        assertThat(Names.quote("orders")).isEqualTo("\"orders\"");
        assertThat(Names.quote("order\"s")).isEqualTo("\"order\"\"s\"");
        assertThat(Names.quote("Orders Archive")).isEqualTo("\"Orders Archive\"");
    }

    @Test
    void should_write_a_plain_lower_case_name_bare_and_any_other_quoted() {
        assertThat(Names.sql("order_items")).isEqualTo("order_items");
        assertThat(Names.sql("OrderItems")).isEqualTo("\"OrderItems\"");
        assertThat(Names.sql("2fa")).isEqualTo("\"2fa\"");
        assertThat(Names.sql("a\"b")).isEqualTo("\"a\"\"b\"");
    }
}
