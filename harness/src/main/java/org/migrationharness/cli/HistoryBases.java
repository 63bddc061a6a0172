package org.migrationharness.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.check.HistoryBase;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.vcs.GitCheckout;

/**
 * Where the history checks' base comes from: {@code --base-dir DIR} (a folder: any VCS, or none), {@code --base REF}
 * (the merge base of REF and HEAD in the git checkout, its files exported into a temporary folder that
 * {@link #close()} removes), or, with neither, {@link GitCheckout#DEFAULT_BASE} when the checkout has it. Without any,
 * the history checks are skipped.
 */
final class HistoryBases implements AutoCloseable {

    private final Path dir;
    private final String from;
    private final Path temporary;
    /** The checkout the base was exported from; null for --base-dir. */
    private final GitCheckout checkout;

    private HistoryBases(Path dir, String from, Path temporary, GitCheckout checkout) {
        this.dir = dir;
        this.from = from;
        this.temporary = temporary;
        this.checkout = checkout;
    }

    /** No base: the history checks are skipped. */
    static HistoryBases none() {
        return new HistoryBases(null, null, null, null);
    }

    /**
     * The base of the selected entries.
     *
     * @param ref {@code --base REF}, or null
     * @param baseDir {@code --base-dir DIR}, or null
     */
    static HistoryBases resolve(String ref, Path baseDir, List<Selection.Entry> entries, PrintStream err) {
        if (ref != null && baseDir != null) {
            throw Main.usage("verify", "--base REF and --base-dir DIR both name the base; give one.");
        }
        if (entries.isEmpty()) {
            return none();
        }
        if (baseDir != null) {
            return new HistoryBases(checkedFolder(baseDir, entries), "--base-dir", null, null);
        }
        long folders = entries.stream().filter(e -> e.service() == null).count();
        Path anchor = folders > 0 ? entries.stream().filter(e -> e.service() == null).findFirst().orElseThrow().set().directory()
                : entries.get(0).repository().root();
        GitCheckout checkout;
        String option;
        if (ref != null) {
            option = "--base " + ref;
            checkout = GitCheckout.containing(anchor, option);
        } else {
            Optional<GitCheckout> found = GitCheckout.find(anchor);
            Optional<String> fallback = found.flatMap(GitCheckout::defaultBase);
            if (fallback.isEmpty()) {
                return none();
            }
            checkout = found.get();
            ref = fallback.get();
            option = "the default base " + ref;
        }
        GitCheckout.Commit commit;
        try {
            commit = checkout.mergeBase(ref, option);
        } catch (HarnessException e) {
            if (option.startsWith("--base")) {
                throw e;
            }
            // nobody asked for this base: say why it is not used, and skip the history checks
            err.println("history checks: no base (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return none();
        }
        Set<String> paths = new LinkedHashSet<>();
        for (Selection.Entry entry : entries) {
            paths.add(checkout.relative(entry.service() != null
                    ? entry.repository().serviceFolder(entry.service()) : entry.set().directory()));
        }
        Path temporary;
        try {
            temporary = Files.createTempDirectory("migration-harness-base-");
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot create a temporary folder for the base: "
                    + e.getMessage(), e);
        }
        HistoryBases bases = new HistoryBases(temporary, ref + " (merge base " + commit.shortId() + ")", temporary, checkout);
        try {
            for (String path : paths) {
                checkout.export(commit, path, temporary);
            }
        } catch (RuntimeException e) {
            bases.close();
            throw e;
        }
        err.println("history checks: base " + bases.from + (option.startsWith("--base") ? "" : ", by default"));
        return bases;
    }

    /** The base's folder of an entry: for a service, its folder under the base checkout; for a folder, the base itself. */
    private Path folder(Selection.Entry entry) {
        if (checkout != null) { // exported files: each at its path from the checkout's root
            return dir.resolve(checkout.relative(entry.service() != null
                    ? entry.repository().serviceFolder(entry.service()) : entry.set().directory()));
        }
        if (entry.service() == null) {
            return dir;
        }
        Path service = entry.repository().serviceFolder(entry.service()).toAbsolutePath().normalize();
        return dir.resolve(entry.repository().root().toAbsolutePath().normalize().relativize(service).toString());
    }

    /** The base of one entry, read by the same reader in the same format; null when there is no base at all. */
    HistoryBase of(Selection.Entry entry) {
        if (dir == null) {
            return null;
        }
        Path folder = folder(entry);
        if (!Files.isDirectory(folder)) {
            return new HistoryBase(folder, null); // a new service or folder: nothing to compare
        }
        try {
            return new HistoryBase(folder, MigrationSetReader.read(folder, entry.set().name(), entry.set().format()));
        } catch (HarnessException e) {
            throw new HarnessException(e.code(), "The base " + DisplayPath.of(folder) + " (from " + from + ") cannot be"
                    + " read as " + entry.set().format() + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code --base-dir DIR}, checked: it must exist, and name one folder's base ({@code --migrations X}) or a
     * repository checkout ({@code --service}, {@code --all}), not both at once.
     */
    private static Path checkedFolder(Path dir, List<Selection.Entry> entries) {
        if (!Files.isDirectory(dir)) {
            throw new HarnessException(ErrorCode.INPUT, "No base folder at " + DisplayPath.of(dir) + " (from --base-dir).\n"
                    + "Give the base's version of the migrations folder (with --migrations) or the root of a checkout of"
                    + " the repository at the base (with --service or --all), e.g. from git worktree add.");
        }
        long folders = entries.stream().filter(e -> e.service() == null).count();
        if (folders > 0 && (folders > 1 || entries.size() > 1)) {
            throw Main.usage("verify", "--base-dir names the base of one --migrations folder, or a repository checkout"
                    + " for --service/--all, but " + entries.size() + " migration sets are selected, " + folders
                    + " of them by --migrations. Verify such a folder on its own with its --base-dir.");
        }
        return dir;
    }

    @Override
    public void close() {
        if (temporary == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(temporary)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is no failure of the run
        }
    }
}
