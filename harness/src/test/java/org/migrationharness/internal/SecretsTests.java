package org.migrationharness.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://db:5432/app?password=hunter22 | jdbc:postgresql://db:5432/app?password=****",
            "jdbc:postgresql://db:5432/app?user=ci&password=hunter22&ssl=true | jdbc:postgresql://db:5432/app?user=ci&password=****&ssl=true",
            "jdbc:postgresql://db/app?sslpassword=keypass1&PASSWORD=hunter22 | jdbc:postgresql://db/app?sslpassword=****&PASSWORD=****",
            "jdbc:postgresql://ci:hunter22@db:5432/app | jdbc:postgresql://ci:****@db:5432/app",
            "postgresql://ci:p%40ss@db/app | postgresql://ci:****@db/app",
            "host=db user=ci password=hunter22 dbname=app | host=db user=ci password=**** dbname=app",
            "jdbc:postgresql://db:5432/app | jdbc:postgresql://db:5432/app",
            "jdbc:postgresql://db1:5432,db2:5433/app?targetServerType=primary | jdbc:postgresql://db1:5432,db2:5433/app?targetServerType=primary",
    })
    void should_mask_the_password_of_every_url_form(String text, String masked) {
        assertThat(Secrets.mask(text)).isEqualTo(masked);
    }

    @Test
    void should_mask_a_registered_password_wherever_it_appears() {
        Secrets.register("Tr0ub4dor&3");

        assertThat(Secrets.mask("FATAL: password authentication failed (tried Tr0ub4dor&3)"))
                .isEqualTo("FATAL: password authentication failed (tried ****)");
    }

    @Test
    void should_leave_messages_alone_for_passwords_too_short_to_mask_safely() {
        Secrets.register("ab");

        assertThat(Secrets.mask("table abc: column ab")).isEqualTo("table abc: column ab");
        assertThat(Secrets.mask("jdbc:postgresql://u:ab@db/app")).isEqualTo("jdbc:postgresql://u:****@db/app");
    }

    @Test
    void should_keep_null_and_empty_text() {
        assertThat(Secrets.mask(null)).isNull();
        assertThat(Secrets.mask("")).isEmpty();
    }
}
