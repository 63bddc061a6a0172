package org.migrationharness.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MigrationVersionTests {

    private static List<String> sorted(String... versions) {
        return Stream.of(versions).map(MigrationVersion::of).sorted().map(MigrationVersion::text).toList();
    }

    @Test
    void should_order_1_10_after_1_9() {
        assertThat(sorted("1.10", "1.9", "1.2")).containsExactly("1.2", "1.9", "1.10");
    }

    @Test
    void should_order_13_1_between_13_and_14() {
        assertThat(sorted("14", "13.1", "13", "2")).containsExactly("2", "13", "13.1", "14");
    }

    @Test
    void should_treat_underscore_as_dot_and_ignore_trailing_zeros_and_leading_zeros() {
        assertThat(MigrationVersion.of("1_10").sameAs(MigrationVersion.of("1.10"))).isTrue();
        assertThat(MigrationVersion.of("2.0").sameAs(MigrationVersion.of("2"))).isTrue();
        assertThat(MigrationVersion.of("007").sameAs(MigrationVersion.of("7"))).isTrue();
        assertThat(MigrationVersion.of("1_10").flywayText()).isEqualTo("1.10");
    }

    @Test
    void should_order_timestamps_numerically() {
        assertThat(sorted("20241029143000", "20240101000000", "9")).containsExactly("9", "20240101000000", "20241029143000");
    }

    @Test
    void should_reject_a_version_that_is_not_digits() {
        assertThatIllegalArgumentException().isThrownBy(() -> MigrationVersion.of("1a"))
                .withMessageContaining("not a version: '1a'");
    }
}
