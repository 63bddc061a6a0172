package org.migrationharness.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The same N generated migrations in the three shapes the runs read, written under one temporary folder:
 * <ul>
 *   <li>{@code flyway/}: {@code V<k>__<description>.sql} with its down script {@code U<k>__<description>.sql} (Flyway's
 *       undo naming, which the harness reads as the down), for the floor and for verify;</li>
 *   <li>{@code liquibase/changelog.sql}: a Liquibase formatted SQL changelog, one {@code --changeset bench:<k>} per
 *       migration with the down's statements as its {@code --rollback} lines;</li>
 *   <li>{@code seeds/development/10_rows.sql}: one idempotent row per generated table, so verify's seed checks run.</li>
 * </ul>
 *
 * @param steps the migrations
 * @param flyway the Flyway-layout folder
 * @param liquibase the folder of the changelog
 * @param changelog the changelog's file name inside {@code liquibase}
 * @param seeds the seeds folder ({@code <environment>/} sub-folders)
 * @param expected where the expected schema is written before verify runs
 */
record GeneratedSet(List<Step> steps, Path flyway, Path liquibase, String changelog, Path seeds, Path expected) {

    /** Generates N migrations and writes them under {@code root} (which must exist). */
    static GeneratedSet write(Path root, int n) {
        List<Step> steps = Step.generate(n);
        Path flyway = root.resolve("flyway");
        Path liquibase = root.resolve("liquibase");
        Path seeds = root.resolve("seeds");
        for (Step step : steps) {
            String name = step.version() + "__" + step.description() + ".sql";
            write(flyway.resolve("V" + name), step.upScript());
            write(flyway.resolve("U" + name), step.downScript());
        }
        write(liquibase.resolve("changelog.sql"), changelog(steps));
        write(seeds.resolve("development").resolve("10_rows.sql"), seedRows(steps));
        return new GeneratedSet(steps, flyway, liquibase, "changelog.sql", seeds, root.resolve("expected-schema.json"));
    }

    /** How many migrations the set holds. */
    int size() {
        return steps.size();
    }

    /** How many tables the fully migrated schema holds. */
    long tables() {
        return steps.stream().filter(Step::createsTable).count();
    }

    /**
     * The formatted SQL changelog: the header line, then per migration its changeset line, its statements, and one
     * {@code --rollback} line per statement of its down script (a rollback statement must fit on one line).
     */
    static String changelog(List<Step> steps) {
        StringBuilder text = new StringBuilder("--liquibase formatted sql\n");
        for (Step step : steps) {
            text.append("\n--changeset bench:").append(step.version()).append('\n');
            text.append(step.upScript());
            for (String statement : step.down()) {
                if (statement.contains("\n")) {
                    throw new IllegalStateException("a rollback statement must fit on one line: " + statement);
                }
                text.append("--rollback ").append(statement).append(";\n");
            }
        }
        return text.toString();
    }

    /** One row in each generated table, inserted only when the table has none: loading twice changes nothing. */
    private static String seedRows(List<Step> steps) {
        StringBuilder text = new StringBuilder();
        for (Step step : steps) {
            if (step.createsTable()) {
                String table = step.description().substring("create_".length());
                text.append("INSERT INTO ").append(table).append(" (title) SELECT 'first row of ").append(table)
                        .append("' WHERE NOT EXISTS (SELECT 1 FROM ").append(table).append(");\n");
            }
        }
        return text.toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
