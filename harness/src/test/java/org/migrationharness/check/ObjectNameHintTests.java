package org.migrationharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.Finding;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;

/**
 * A rename hint of {@code naming.object} must itself pass every rule and never be a reserved word: over many
 * generated names (mixed case, reserved words, leading underscores and digits, symbols, names longer than 63 bytes),
 * every rename a finding gives is applied on a real server, and no renamed object breaks a rule any more.
 */
@DisplayName("naming.object: every rename hint passes every rule")
class ObjectNameHintTests {

    private static final Pattern RENAME = Pattern.compile("^Rename it(?: before renaming [^:]*)?: (.+ TO (\\S+));$", Pattern.MULTILINE);

    private static final String[] TABLES = {"user", "User", "order", "_User", "Users", "group", "AccountHolder",
            "2fa_codes", "table", "naïve", "select", "e-mail", "HTTPServer", "_tmp", "x".repeat(70)};
    private static final String[] COLUMNS = {"userName", "check", "default", "_id", "Amount", "2nd", "column",
            "a b", "limit", "ÄÖ", "y".repeat(66), "_", "Value$"};
    private static final String[] CONSTRAINTS = {"Pk", "Check", "unique", "users_name", "MyKey", "_fk", "9lives",
            "primary", "KEY", "c".repeat(64)};

    @TempDir
    Path dir;

    @Test
    void should_give_hints_that_pass_every_rule_once_applied() {
        Random random = new Random(7);
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String schema = "s" + i;
            List<String> names = distinct(random, TABLES, CONSTRAINTS, CONSTRAINTS, CONSTRAINTS, CONSTRAINTS, CONSTRAINTS);
            String table = q(names.get(0));
            String column = q(COLUMNS[random.nextInt(COLUMNS.length)]);
            sql.append("CREATE SCHEMA ").append(schema).append(";\n")
                    .append("CREATE TABLE ").append(schema).append('.').append(table).append(" (id bigint CONSTRAINT ")
                    .append(q(names.get(1))).append(" PRIMARY KEY, ").append(column).append(" text CONSTRAINT ")
                    .append(q(names.get(2))).append(" CHECK (").append(column).append(" <> ''), parent bigint CONSTRAINT ")
                    .append(q(names.get(3))).append(" REFERENCES ").append(schema).append('.').append(table)
                    .append(" (id), CONSTRAINT ").append(q(names.get(4))).append(" UNIQUE (").append(column).append("));\n")
                    .append("CREATE INDEX ").append(q(names.get(5))).append(" ON ").append(schema).append('.')
                    .append(table).append(" (").append(column).append(");\n");
        }

        List<Finding> before = naming(sql.toString(), null);
        List<String> renames = new ArrayList<>();
        Set<String> renamed = new HashSet<>();
        int placeholders = 0;
        for (Finding finding : before) {
            Matcher rename = RENAME.matcher(finding.message());
            if (!rename.find()) {
                continue;
            }
            String hint = rename.group(2);
            if (hint.startsWith("<")) {
                placeholders++;
                continue;
            }
            assertThat(hint).as("a hint is a plain name, never quoted").doesNotStartWith("\"");
            assertThat(hint.getBytes(StandardCharsets.UTF_8).length).as(hint).isLessThanOrEqualTo(63);
            if (!renames.contains(rename.group(1))) {
                renames.add(rename.group(1));
                renamed.add(schemaOf(finding) + "|" + hint);
            }
        }
        assertThat(renames).as("concrete hints").hasSizeGreaterThan(100);
        // a placeholder (<new_name>) where no name can pass: a prefix rule naming a table whose own name breaks the rules
        assertThat(placeholders).as("placeholders").isPositive();

        // the renames innermost first (columns and constraints before their table), as one more migration
        List<String> reversed = new ArrayList<>(renames);
        Collections.reverse(reversed);
        List<Finding> after = naming(sql.toString(), String.join(";\n", reversed) + ";\n");

        after.forEach(f -> System.out.println("AFTER " + schemaOf(f) + "|" + nameOf(f) + " " + renamed.contains(schemaOf(f) + "|" + nameOf(f))));
        assertThat(after).as("findings on renamed objects").noneSatisfy(f -> assertThat(renamed)
                .contains(schemaOf(f) + "|" + nameOf(f)));
    }

    /** The schema of the object a finding names ({@code table s3.User: ...} -> {@code s3}). */
    private static String schemaOf(Finding finding) {
        Matcher schema = Pattern.compile("\\b(s\\d+)\\.").matcher(finding.message());
        return schema.find() ? schema.group(1) : "";
    }

    /** The name of the object a finding names: its key's last part. */
    private static String nameOf(Finding finding) {
        String key = finding.message().substring(0, finding.message().indexOf(": "));
        return key.substring(key.lastIndexOf('.') + 1);
    }

    @Test
    void should_accept_a_lower_case_name_with_a_leading_underscore_and_never_suggest_a_reserved_word() {
        List<Finding> findings = naming("CREATE TABLE _user (id bigint CONSTRAINT pk__user PRIMARY KEY);\n"
                + "CREATE TABLE \"User\" (id bigint CONSTRAINT \"pk_User\" PRIMARY KEY);\n", null);

        assertThat(findings).extracting(Finding::message).noneSatisfy(m -> assertThat(m).startsWith("table public._user"));
        assertThat(findings).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .startsWith("table public.User: expected a lower snake_case name")
                .contains("\nRename it: ALTER TABLE public.\"User\" RENAME TO users;\n"));
    }

    /** The naming.object findings of a set of V1 (and V2 when given). */
    private List<Finding> naming(String v1, String v2) {
        Path folder = dir.resolve(v2 == null ? "before" : "after");
        MigrationFolder migrations = MigrationFolder.in(folder).file("V1__generated.sql", v1);
        if (v2 != null) {
            migrations.file("V2__renames.sql", v2);
        }
        MigrationSet set = MigrationSetReader.read(folder, "hints");
        try (ServiceRun context = new ServiceRun(set, SharedServer.get(), VerifyOptions.defaults())) {
            context.run(new UpApplyCheck());
            assertThat(context.findings()).as("up.apply").isEmpty();
            context.run(new NamingObjectCheck());
            return List.copyOf(context.findings());
        }
    }

    /** One name from each pool, all different as the server stores them (cut to 63 bytes). */
    private static List<String> distinct(Random random, String[]... pools) {
        while (true) {
            List<String> names = new ArrayList<>();
            Set<String> stored = new LinkedHashSet<>();
            for (String[] pool : pools) {
                String name = pool[random.nextInt(pool.length)] + (random.nextInt(3) == 0 ? "" : "_" + random.nextInt(50));
                names.add(name);
                stored.add(cut(name));
            }
            if (stored.size() == names.size()) {
                return names;
            }
        }
    }

    private static String cut(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= 63 ? name : new String(bytes, 0, 63, StandardCharsets.UTF_8).replace("\uFFFD", "");
    }

    private static String q(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
