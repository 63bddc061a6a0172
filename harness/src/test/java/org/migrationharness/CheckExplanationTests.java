package org.migrationharness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code verify --explain CHECK}: every check says what it proves, when it fails, an example and the fix. */
class CheckExplanationTests {

    @ParameterizedTest
    @MethodSource("org.migrationharness.CheckId#explained")
    void should_explain_every_check_with_what_it_proves_an_example_and_the_fix(CheckId check) {
        String text = check.explanation();

        assertThat(text.lines().filter(l -> !l.startsWith(" ")).map(l -> l.split(":")[0]).toList())
                .as("the parts of %s's explanation, in order", check.id())
                .containsSubsequence("Proves", "Fails when", "Example", "Fix");
        assertThat(text.lines()).as("lines of at most 120 characters").allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(120));
    }
}
