package org.migrationharness.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationVersion;
import org.migrationharness.source.Script;

/**
 * {@code history.modified} and {@code history.out-of-order}: the set compared with the same set on the base
 * ({@link VerifyOptions#base()}), without a database.
 *
 * <p>{@code history.modified}: a migration whose version is on the base must be the same file with the same text
 * (line endings aside): an edited, renamed or deleted up script is an error, since production already ran it; a down
 * script edited, renamed or deleted is a warning (it never ran in production, but the team reverses with the one they
 * reviewed). A script's text is compared, not its whole file, so in a sectioned format an edit of the down section is
 * not an edit of the up. Repeatable migrations (Flyway's {@code R__}) are meant to change: not compared.
 *
 * <p>{@code history.out-of-order}: a migration that is not on the base and whose version sorts before the base's newest
 * (as the format orders versions): a branch that raced another; production, already past that version, would skip it
 * or refuse to migrate.
 */
final class HistoryCheck implements Check {

    /** The most lines of a diff in a finding. */
    static final int DIFF_LINES = 40;

    static final String MUST_NOT_CHANGE =
            "Applied migrations must not change: revert the edit and add a new migration instead.";

    /** The marker that allows an edit of an applied script, with a reason: {@code -- harness:allow history.modified <reason>}. */
    static final String ALLOW = "-- harness:allow history.modified";

    private static final java.util.regex.Pattern ALLOW_LINE = java.util.regex.Pattern.compile(
            "(?m)^\\s*--\\s*harness:allow\\s+history\\.modified\\b[ \\t]*(.*)$");

    private final CheckId id;

    HistoryCheck(CheckId id) {
        this.id = id;
    }

    /**
     * The reason of an allow marker in the script, if it has one with a reason; a marker without a reason allows
     * nothing (a reviewer must see why).
     */
    static Optional<String> allowed(String text) {
        java.util.regex.Matcher matcher = ALLOW_LINE.matcher(text);
        while (matcher.find()) {
            String reason = matcher.group(1).strip();
            if (!reason.isEmpty()) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    /** Whether two texts differ only in comments and white space (as PostgreSQL's tokenizer sees them). */
    static boolean commentsOnly(String before, String after) {
        return code(before).equals(code(after));
    }

    private static List<String> code(String text) {
        return org.migrationharness.sql.Tokenizer.tokenize(text).stream().filter(t -> !t.isComment())
                .map(org.migrationharness.sql.Token::text).toList();
    }

    @Override
    public CheckId id() {
        return id;
    }

    @Override
    public String skipReason(CheckContext context) {
        HistoryBase base = context.options().base();
        if (base == null) {
            return HistoryBase.NO_BASE;
        }
        if (base.set() == null) {
            return "new set: the base has no " + DisplayPath.of(base.folder()) + ", nothing to compare";
        }
        return null;
    }

    @Override
    public void run(CheckContext context) {
        MigrationSet base = context.options().base().set();
        MigrationSet current = context.set();
        List<Finding> findings = id.equals(CheckId.HISTORY_MODIFIED) ? modified(base, current) : outOfOrder(base, current);
        findings.forEach(context::report);
    }

    private List<Finding> modified(MigrationSet base, MigrationSet current) {
        List<Finding> findings = new ArrayList<>();
        for (Migration was : base.migrations()) {
            String version = was.version().text();
            Optional<Migration> now = current.migration(version);
            if (now.isEmpty()) {
                findings.add(new Finding(id, Severity.ERROR, version, DisplayPath.of(was.up().file()), null,
                        "Migration " + version + " (" + was.up().fileName() + ") was deleted: it is on the base but"
                                + " no longer in " + DisplayPath.of(current.directory()) + ".\nApplied migrations must"
                                + " not change: restore the file and add a new migration instead."));
                continue;
            }
            Migration is = now.get();
            script(findings, current, version, "up", was.up(), is.up(), Severity.ERROR);
            if (was.down() != null && is.down() == null) {
                findings.add(new Finding(id, Severity.WARNING, version, DisplayPath.of(was.down().file()), null,
                        "The down script of migration " + version + " (" + was.down().fileName() + ") was deleted."
                                + DOWN_NOTE));
            } else if (was.down() != null) {
                boolean sharedFile = was.down().file().getFileName().equals(was.up().file().getFileName())
                        && is.down().file().getFileName().equals(is.up().file().getFileName());
                script(findings, current, version, sharedFile ? null : "down", was.down(), is.down(), Severity.WARNING);
            }
        }
        return findings;
    }

    private static final String DOWN_NOTE = "\nA down script was never applied in production, so this is a warning: make"
            + " sure it still reverses the up script as production ran it.";

    /**
     * A finding for a script renamed or edited, or none.
     *
     * @param kind {@code up} or {@code down}; null for a down section in the up script's file (its rename is the up's)
     */
    private void script(List<Finding> findings, MigrationSet set, String version, String kind, Script was, Script is,
                        Severity severity) {
        // whether the set's tool keeps a checksum of each applied script: then even a comment edit breaks a deploy
        boolean checksums = org.migrationharness.source.MigrationFormats.of(set).checksumsAppliedScripts();
        String tool = set.format();
        boolean renamed = kind != null && !was.fileName().equals(is.fileName());
        boolean edited = !LineDiff.sameText(was.text(), is.text());
        if (!renamed && !edited) {
            return;
        }
        String what = kind == null ? "down" : kind;
        Optional<String> allowed = allowed(is.text());
        if (allowed.isPresent() || edited && !renamed && commentsOnly(was.text(), is.text()) && !checksums) {
            String why = allowed.map(reason -> "it is marked " + ALLOW + " (" + reason + ")")
                    .orElse("only comments or white space changed, and " + tool + " keeps no checksum of an applied"
                            + " script, so production is not affected");
            findings.add(new Finding(id, Severity.INFO, version, DisplayPath.of(is.file()), null, "The " + what
                    + " script of migration " + version + " (" + is.fileName() + ") was " + (renamed ? "renamed from "
                    + was.fileName() + (edited ? " and edited" : "") : "edited") + " since the base; allowed: " + why
                    + "."));
            return;
        }
        StringBuilder message = new StringBuilder("The " + what + " script of migration " + version + " (" + is.fileName()
                + ") was ");
        if (renamed) {
            message.append("renamed from ").append(was.fileName()).append(edited ? " and edited" : "");
        } else {
            message.append("edited");
        }
        message.append(renamed && !edited ? "." : " since the base:");
        if (edited) {
            message.append('\n').append(LineDiff.unified(was.text(), is.text(), "base/" + was.fileName(),
                    is.fileName(), was.firstLine(), is.firstLine(), DIFF_LINES));
        }
        if (edited && !renamed && severity == Severity.ERROR && commentsOnly(was.text(), is.text())) {
            message.append("\nOnly comments or white space changed, but " + tool + " keeps a checksum of every applied"
                    + " script: production would refuse to migrate (checksum mismatch).");
        }
        message.append(severity == Severity.ERROR ? "\n" + (edited ? MUST_NOT_CHANGE
                : "Applied migrations must not change: production records it as " + was.fileName()
                        + "; rename it back.") : DOWN_NOTE);
        findings.add(new Finding(id, severity, version, DisplayPath.of(is.file()), null, message.toString()));
    }

    private List<Finding> outOfOrder(MigrationSet base, MigrationSet current) {
        Optional<MigrationVersion> newest = base.latestVersion();
        if (newest.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Migration migration : current.migrations()) {
            String version = migration.version().text();
            if (base.migration(version).isEmpty() && migration.version().compareTo(newest.get()) < 0) {
                findings.add(new Finding(id, Severity.ERROR, version, DisplayPath.of(migration.up().file()), null,
                        "Migration " + version + " (" + migration.up().fileName() + ") is new but sorts before "
                                + newest.get().text() + ", the newest migration on the base: a database already at "
                                + newest.get().text() + " would skip it or refuse to migrate.\nRenumber it after V"
                                + newest.get().text() + " (and its down script with it)."));
            }
        }
        return findings;
    }
}
