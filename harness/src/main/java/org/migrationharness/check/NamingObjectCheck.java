package org.migrationharness.check;

import java.util.Set;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.migrationharness.CheckId;
import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.apply.Migrator;
import org.migrationharness.check.naming.ObjectNaming;
import org.migrationharness.check.naming.ScannedScript;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.source.Migration;
import org.migrationharness.source.RepeatableMigration;
import org.migrationharness.source.naming.Baseline;

/**
 * {@code naming.object}: the names in the fully migrated catalog (every non-system schema, so objects outside the
 * service's schemas are seen) follow the naming rules, and no identifier in a script is longer than the 63 bytes
 * PostgreSQL keeps. The reserved words are the server's own ({@code pg_get_keywords()}, category R). With a naming
 * baseline ({@code naming: {since: 41}}), a second database is migrated up to it: the objects already there are in
 * production and left out.
 *
 * <p>When {@code up.apply} failed, it still runs: on the database up.apply left (the migrations before the failing
 * one), and on the text of every script, with an info finding that says so.
 */
final class NamingObjectCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.NAMING_OBJECT;
    }

    @Override
    public Set<Stage> needs() {
        return Set.of(Stage.MIGRATED);
    }

    @Override
    public String skipReason(CheckContext context) {
        Migrated migrated = context.migrated();
        return migrated instanceof Migrated.Passed || migrated instanceof Migrated.Failed ? null : migrated.skipReason();
    }

    @Override
    public void run(CheckContext context) {
        Database migrated;
        if (context.migrated() instanceof Migrated.Failed up) {
            migrated = up.partial();
            String failed = up.failedAt() == null ? "the failing migration" : up.failedAt();
            context.report(new Finding(id(), Severity.INFO, null, null, null, "Only the objects of the migrations"
                    + " before " + failed + " were checked: " + up.skipReason() + ", so " + failed + " and the"
                    + " migrations after it created nothing. The identifiers written in every script were checked."));
        } else {
            migrated = context.migrated().database();
        }
        SchemaSnapshot snapshot = SchemaReader.read(migrated, schemasOf(context, migrated),
                new Migrator(context.set(), migrated).bookkeepingTables());
        Baseline.Scope baseline = context.set().namingBaseline();
        List<Finding> findings = ObjectNaming.check(context.set().config().naming(), snapshot,
                context.set().config().schemas(), reservedWords(migrated), scripts(context, migrated), baseline,
                baseline.present() ? atBaseline(context, baseline) : null);
        findings.forEach(context::report);
    }

    /** The catalog of a database migrated up to the baseline: the objects already in production. */
    private static SchemaSnapshot atBaseline(CheckContext context, Baseline.Scope baseline) {
        Database database = context.newDatabase("naming_baseline");
        try {
            Migrator migrator = new Migrator(context.set(), database).versionedOnly();
            migrator.migrateTo(baseline.baseline().since());
            return SchemaReader.read(database, schemasOf(context, database), migrator.bookkeepingTables());
        } finally {
            context.drop(database);
        }
    }

    /** Every script of the set, scanned, with placeholders replaced as when it runs. */
    private static List<ScannedScript> scripts(CheckContext context, Database database) {
        Migrator migrator = new Migrator(context.set(), database);
        List<ScannedScript> scripts = new ArrayList<>();
        for (Migration migration : context.set().migrations()) {
            String version = migration.version().text();
            scripts.add(ScannedScript.of(version, migration.up().file(), true, migrator.scriptText(migration.up())));
        }
        for (RepeatableMigration repeatable : context.set().repeatables()) {
            scripts.add(ScannedScript.of(null, repeatable.script().file(), true, migrator.scriptText(repeatable.script())));
        }
        for (Migration migration : context.set().migrations()) {
            if (migration.reversible()) {
                String version = migration.version().text();
                scripts.add(ScannedScript.of(version, migration.down().file(), false, migrator.scriptText(migration.down())));
            }
        }
        return scripts;
    }

    /** Every non-system schema (empty: SchemaReader reads them all), less those of the services this one depends on. */
    private static List<String> schemasOf(CheckContext context, Database database) {
        List<String> theirs = context.dependencySchemas();
        if (theirs.isEmpty()) {
            return List.of();
        }
        List<String> schemas = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname NOT IN"
                     + " ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_toast%'"
                     + " AND nspname NOT LIKE 'pg\\_temp\\_%' ORDER BY 1")) {
            while (rs.next()) {
                if (!theirs.contains(rs.getString(1))) {
                    schemas.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Could not list the schemas of " + database.name() + ": "
                    + e.getMessage(), e);
        }
        return schemas;
    }

    private static Set<String> reservedWords(Database database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT word FROM pg_get_keywords() WHERE catcode = 'R'")) {
            Set<String> words = new HashSet<>();
            while (rs.next()) {
                words.add(rs.getString(1));
            }
            return words;
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Could not read the reserved keywords from the server"
                    + " (SELECT word FROM pg_get_keywords()): " + e.getMessage(), e);
        }
    }
}
