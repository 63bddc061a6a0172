package org.migrationharness.source.naming;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.sql.Names;

/**
 * The configurable file rules of {@code naming.file}: snake_case descriptions, no repeatable sharing a versioned
 * migration's description, and (off by default) no gaps between integer versions and no timestamp version in the
 * future. A finding names the file as {@code file <path in the migrations folder>}, which is also how a suppression
 * names it.
 */
public final class FileNaming {

    /** The number of digits from which a version is a timestamp ({@code yyyyMMddHHmmss}). */
    public static final int TIMESTAMP_DIGITS = 14;

    /** How far ahead of UTC a developer's clock may be: the largest time zone offset. */
    static final Duration LARGEST_OFFSET = Duration.ofHours(14);

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private FileNaming() {
    }

    /**
     * Applies the file rules to the migrations after the baseline (all of them without one); with a baseline, the
     * first finding is an info line saying how many it leaves out.
     *
     * @param migrations the migrations folder (file objects are named relative to it)
     * @param versioned the up scripts in version order, then the down scripts
     * @param repeatables the repeatable scripts
     * @param clock the clock for timestamp versions
     * @param baseline the naming baseline over the set ({@link Baseline.Scope#NONE} for none)
     */
    public static List<Finding> check(NamingConfig config, Path migrations, List<ScriptName> versioned,
                                      List<ScriptName> repeatables, Clock clock, Baseline.Scope baseline) {
        NamingReport report = new NamingReport(config, CheckId.NAMING_FILE, baseline);
        Hints hints = new Hints(config, versioned, repeatables);
        List<ScriptName> all = new ArrayList<>(versioned);
        all.addAll(repeatables);
        Rule snake = config.rule(NamingRule.DESCRIPTION_SNAKE_CASE);
        if (snake.enabled()) {
            for (ScriptName script : all) {
                if (script.description().isEmpty()) {
                    String name = script.file().getFileName().toString();
                    String stem = script.prefix() + (script.version() == null ? "" : script.version()) + "__";
                    report.report(NamingRule.DESCRIPTION_SNAKE_CASE, object(migrations, script), script.version(),
                            DisplayPath.of(script.file()), null, name + ": Flyway applies it, but its name has no"
                                    + " description (expected " + stem + "<description>.sql with a description matching "
                                    + snake.pattern() + "; rule " + NamingRule.DESCRIPTION_SNAKE_CASE.id() + ").\nRename it"
                                    + " to " + stem + "<what_it_does>.sql.");
                } else if (!Pattern.matches(snake.pattern(), script.description())) {
                    String name = script.file().getFileName().toString();
                    report.report(NamingRule.DESCRIPTION_SNAKE_CASE, object(migrations, script), script.version(),
                            DisplayPath.of(script.file()), null, name + ": the description '" + script.description()
                                    + "' is not snake_case (expected " + snake.pattern() + "; rule "
                                    + NamingRule.DESCRIPTION_SNAKE_CASE.id() + ").\n"
                                    + hints.rename("Rename it to ", script, script.version(), ""));
                }
            }
        }
        if (config.rule(NamingRule.DESCRIPTION_CLASH).enabled()) {
            for (ScriptName repeatable : repeatables) {
                for (ScriptName up : versioned) {
                    if (up.prefix().equals("V") && flywayDescription(up).equals(flywayDescription(repeatable))) {
                        String r = repeatable.file().getFileName().toString();
                        report.report(NamingRule.DESCRIPTION_CLASH, object(migrations, repeatable), null,
                                DisplayPath.of(repeatable.file()), null, r + " and " + up.file().getFileName()
                                        + " share the description '" + repeatable.description() + "' (expected a"
                                        + " repeatable's description to differ from every versioned one; rule "
                                        + NamingRule.DESCRIPTION_CLASH.id() + "): Flyway's history and output cannot"
                                        + " tell them apart.\n" + hints.rename("Rename the repeatable, e.g. ", repeatable,
                                        null, "_repeatable"));
                        break;
                    }
                }
            }
        }
        List<ScriptName> ups = versioned.stream().filter(s -> s.prefix().equals("V")).toList();
        if (config.rule(NamingRule.NO_VERSION_GAPS).enabled()) {
            gaps(report, hints, migrations, ups);
        }
        if (config.rule(NamingRule.TIMESTAMP_NOT_IN_FUTURE).enabled()) {
            timestamps(report, hints, migrations, ups, clock);
        }
        return report.findings("their file names are not checked");
    }

    private static void gaps(NamingReport report, Hints hints, Path migrations, List<ScriptName> ups) {
        List<ScriptName> integers = ups.stream().filter(s -> s.version().matches("[0-9]{1," + (TIMESTAMP_DIGITS - 1) + "}"))
                .toList();
        for (int i = 1; i < integers.size(); i++) {
            ScriptName before = integers.get(i - 1);
            ScriptName after = integers.get(i);
            BigInteger from = new BigInteger(before.version()).add(BigInteger.ONE);
            BigInteger to = new BigInteger(after.version()).subtract(BigInteger.ONE);
            if (from.compareTo(to) > 0) {
                continue;
            }
            String missing = from.equals(to) ? "version " + from + " is missing" : "versions " + from + " to " + to
                    + " are missing";
            String name = after.file().getFileName().toString();
            report.report(NamingRule.NO_VERSION_GAPS, object(migrations, after), after.version(),
                    DisplayPath.of(after.file()), null, name + " follows " + before.file().getFileName() + ": "
                            + missing + " (expected consecutive integer versions; rule " + NamingRule.NO_VERSION_GAPS.id()
                            + ").\nA gap often means a migration was lost in a merge: restore it, or "
                            + hints.rename("renumber " + name + " to ", after, from.toString(), "")
                                    .replaceFirst("\\.$", " if it was never released."));
        }
    }

    private static void timestamps(NamingReport report, Hints hints, Path migrations, List<ScriptName> ups,
                                   Clock clock) {
        LocalDateTime latest = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).plus(LARGEST_OFFSET);
        for (ScriptName up : ups) {
            String first = up.version().split("[._]")[0];
            if (first.length() < TIMESTAMP_DIGITS) {
                continue;
            }
            String name = up.file().getFileName().toString();
            String digits = first.substring(0, TIMESTAMP_DIGITS);
            LocalDateTime time;
            try {
                time = LocalDateTime.parse(digits, TIMESTAMP);
            } catch (DateTimeParseException e) {
                report.report(NamingRule.TIMESTAMP_NOT_IN_FUTURE, object(migrations, up), up.version(),
                        DisplayPath.of(up.file()), null, name + ": the version " + digits + " is not a time (expected"
                                + " yyyyMMddHHmmss; rule " + NamingRule.TIMESTAMP_NOT_IN_FUTURE.id() + ").\n"
                                + hints.rename("Rename it with the time it was written, e.g. ", up,
                                TIMESTAMP.format(LocalDateTime.now(clock.withZone(ZoneOffset.UTC))), ""));
                continue;
            }
            if (time.isAfter(latest)) {
                report.report(NamingRule.TIMESTAMP_NOT_IN_FUTURE, object(migrations, up), up.version(),
                        DisplayPath.of(up.file()), null, name + ": the version " + digits + " is in the future"
                                + " (expected a yyyyMMddHHmmss time not later than now; rule "
                                + NamingRule.TIMESTAMP_NOT_IN_FUTURE.id() + "): every migration written before then will"
                                + " sort before it and run out of order.\nRename it with the time it was written.");
            }
        }
    }

    /** Flyway's description: underscores read as spaces; compared without case. */
    private static String flywayDescription(ScriptName script) {
        return flywayDescription(script.description());
    }

    private static String flywayDescription(String description) {
        return description.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /**
     * File names to suggest: a hint must itself pass every file rule. The description is the first candidate (the
     * description in snake_case, without a leading underscore, ...) that matches the description pattern and does not
     * clash with a migration of the other kind; the name keeps the script's prefix and is read by Flyway as the
     * version it is given.
     */
    private record Hints(NamingConfig config, List<ScriptName> versioned, List<ScriptName> repeatables) {

        /**
         * {@code lead} and the suggested name and a period, e.g. {@code Rename it to V3__add_phone.sql.}; when no
         * candidate passes, how to name it instead.
         *
         * @param version the version of the new name (null for a repeatable)
         * @param suffix what to add to the description ({@code _repeatable})
         */
        String rename(String lead, ScriptName script, String version, String suffix) {
            String stem = script.prefix() + (version == null ? "" : version) + "__";
            for (String candidate : Names.candidates(script.description())) {
                String description = candidate + suffix;
                if (follows(script, description)) {
                    return lead + stem + description + ".sql.";
                }
            }
            return lead + stem + "<description>.sql, with a description matching "
                    + config.rule(NamingRule.DESCRIPTION_SNAKE_CASE).pattern() + ".";
        }

        private boolean follows(ScriptName script, String description) {
            Rule snake = config.rule(NamingRule.DESCRIPTION_SNAKE_CASE);
            if (snake.enabled() && !Pattern.matches(snake.pattern(), description)) {
                return false;
            }
            if (!config.rule(NamingRule.DESCRIPTION_CLASH).enabled()) {
                return true;
            }
            List<ScriptName> others = script.version() == null
                    ? versioned.stream().filter(s -> s.prefix().equals("V")).toList() : repeatables;
            return others.stream().noneMatch(other -> flywayDescription(other).equals(flywayDescription(description)));
        }
    }

    /** How findings and suppressions name a file: {@code file <path in the migrations folder>}. */
    static String object(Path migrations, ScriptName script) {
        Path file = script.file();
        String relative = migrations != null && file.startsWith(migrations) ? migrations.relativize(file).toString()
                : file.getFileName().toString();
        return "file " + relative.replace('\\', '/');
    }
}
