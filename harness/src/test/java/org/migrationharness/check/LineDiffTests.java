package org.migrationharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LineDiffTests {

    private static String diff(String before, String after) {
        return LineDiff.unified(before, after, "a", "b", 1, 1, 40);
    }

    @Test
    void should_be_empty_when_the_texts_are_equal() {
        assertThat(diff("SELECT 1;\nSELECT 2;\n", "SELECT 1;\nSELECT 2;\n")).isEmpty();
    }

    @Test
    void should_be_empty_when_only_the_line_endings_differ() {
        assertThat(diff("SELECT 1;\r\nSELECT 2;\r\n", "SELECT 1;\nSELECT 2;\n")).isEmpty();
        assertThat(LineDiff.sameText("x\ry\r", "x\ny\n")).isTrue();
    }

    @Test
    void should_show_a_changed_line_as_removed_then_added_with_its_context() {
        assertThat(diff("a\nb\nc\n", "a\nB\nc\n")).isEqualTo("""
                --- a
                +++ b
                @@ -1,3 +1,3 @@
                 a
                -b
                +B
                 c""");
    }

    @Test
    void should_number_an_added_line_after_the_line_it_follows() {
        assertThat(diff("a\nb\n", "a\nb\nc\n")).isEqualTo("""
                --- a
                +++ b
                @@ -1,2 +1,3 @@
                 a
                 b
                +c""");
        assertThat(diff("", "x\n")).isEqualTo("--- a\n+++ b\n@@ -0,0 +1 @@\n+x");
    }

    @Test
    void should_keep_the_common_lines_between_two_changes_found_by_the_longest_common_subsequence() {
        assertThat(diff("x\na\nb\nc\ny\n", "a\nz\nb\nc\n")).isEqualTo("""
                --- a
                +++ b
                @@ -1,5 +1,4 @@
                -x
                 a
                +z
                 b
                 c
                -y""");
    }

    @Test
    void should_split_changes_far_apart_into_hunks_with_three_lines_of_context() {
        String before = IntStream.rangeClosed(1, 20).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String after = before.replace("line 2\n", "line two\n").replace("line 18\n", "line eighteen\n");
        assertThat(diff(before, after)).isEqualTo("""
                --- a
                +++ b
                @@ -1,5 +1,5 @@
                 line 1
                -line 2
                +line two
                 line 3
                 line 4
                 line 5
                @@ -15,6 +15,6 @@
                 line 15
                 line 16
                 line 17
                -line 18
                +line eighteen
                 line 19
                 line 20""");
    }

    @Test
    void should_number_the_lines_from_where_the_script_starts_in_its_file() {
        assertThat(LineDiff.unified("a\n", "b\n", "a", "b", 10, 12, 40)).contains("@@ -10 +12 @@");
    }

    @Test
    void should_cap_a_long_diff_and_say_how_many_lines_were_left_out() {
        String before = IntStream.rangeClosed(1, 100).mapToObj(i -> "old " + i).collect(Collectors.joining("\n"));
        String after = IntStream.rangeClosed(1, 100).mapToObj(i -> "new " + i).collect(Collectors.joining("\n"));
        String diff = diff(before, after);
        assertThat(diff.lines()).hasSize(40);
        // 2 headers + 1 hunk header + 200 changed lines = 203; 39 shown
        assertThat(diff).endsWith("\n... (164 more lines)");
    }
}
