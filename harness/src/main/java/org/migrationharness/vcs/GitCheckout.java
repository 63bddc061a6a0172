package org.migrationharness.vcs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;

/**
 * A git checkout, read through the {@code git} command (the user's own git: worktrees, alternates, partial clones and
 * config all work as in their shell). Read-only: no command here changes the index, the working tree or any ref.
 *
 * <p>Every failure a user can fix is a {@link HarnessException} with {@link ErrorCode#INPUT} (exit 2) that names the
 * option it came from and says what to do: no git, no checkout, an unknown ref, a shallow clone without the base.
 */
public final class GitCheckout {

    /** The default base of a pull request: the main branch as fetched from {@code origin}. */
    public static final String DEFAULT_BASE = "origin/main";

    private static final long TIMEOUT_SECONDS = 120;

    private final Path root;

    private GitCheckout(Path root) {
        this.root = root;
    }

    /**
     * The checkout holding {@code dir}, for an option that needs one.
     *
     * @param option the option that needs git, as the user typed it (e.g. {@code --changed-since origin/main}), named
     *        in every error
     * @throws HarnessException with {@link ErrorCode#INPUT} when git is not installed or {@code dir} is in no checkout
     */
    public static GitCheckout containing(Path dir, String option) {
        return find(dir).orElseThrow(() -> new HarnessException(ErrorCode.INPUT, option + " needs a git checkout, but "
                + dir.toAbsolutePath().normalize() + " is not inside one" + (gitInstalled() ? "" : " (no git command"
                + " on the PATH)") + ".\nRun it in a clone of the repository, or give the base as a folder with"
                + " --base-dir DIR (e.g. an export of the base's files)."));
    }

    /** The checkout holding {@code dir}, if git is installed and {@code dir} is inside a work tree. */
    public static Optional<GitCheckout> find(Path dir) {
        Path start = dir.toAbsolutePath().normalize();
        while (start != null && !Files.isDirectory(start)) {
            start = start.getParent(); // a folder that is not there yet may still lie in a checkout
        }
        if (start == null || !gitInstalled()) {
            return Optional.empty();
        }
        Result result = git(start, null, "rev-parse", "--show-toplevel");
        if (result.exit() != 0) {
            return Optional.empty();
        }
        return Optional.of(new GitCheckout(Path.of(result.text().strip()).toAbsolutePath().normalize()));
    }

    private static boolean gitInstalled() {
        try {
            return git(Path.of("").toAbsolutePath(), null, "--version").exit() == 0;
        } catch (HarnessException e) {
            return false;
        }
    }

    /** The root of the work tree. */
    public Path root() {
        return root;
    }

    /** A file or folder's path from the work tree's root, with {@code /} ({@code ""} for the root itself). */
    public String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path real = absolute;
        try {
            real = absolute.toRealPath();
        } catch (IOException e) {
            // not there (yet): the path as given
        }
        Path base = root;
        try {
            base = root.toRealPath();
        } catch (IOException e) {
            // keep the path git printed
        }
        Path from = real.startsWith(base) ? base : root;
        Path of = real.startsWith(base) ? real : absolute;
        if (!of.startsWith(from)) {
            throw new HarnessException(ErrorCode.INPUT, path + " is not inside the git checkout " + root + ".");
        }
        return from.relativize(of).toString().replace('\\', '/');
    }

    /**
     * The {@link #DEFAULT_BASE} when this checkout has it (a clone whose {@code origin/main} was fetched), else empty:
     * a pull request's base when none is given.
     */
    public Optional<String> defaultBase() {
        return git(root, null, "rev-parse", "--verify", "--quiet", "refs/remotes/" + DEFAULT_BASE + "^{commit}").exit() == 0
                ? Optional.of(DEFAULT_BASE) : Optional.empty();
    }

    /**
     * The commit a change on {@code HEAD} started from: the merge base of {@code ref} and {@code HEAD} (as a pull
     * request's "files changed" sees it).
     *
     * @param option the option that named the ref, for the errors
     * @throws HarnessException with {@link ErrorCode#INPUT} naming the ref: unknown, not fetched in a shallow clone, or
     *         without a common ancestor with HEAD
     */
    public Commit mergeBase(String ref, String option) {
        if (ref.isBlank() || ref.startsWith("-")) {
            throw new HarnessException(ErrorCode.INPUT, option + ": '" + ref + "' is no git ref. Give a branch, tag or"
                    + " commit, e.g. origin/main.");
        }
        boolean shallow = "true".equals(git(root, null, "rev-parse", "--is-shallow-repository").text().strip());
        Result resolved = git(root, null, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
        if (resolved.exit() != 0) {
            if (shallow) {
                throw new HarnessException(ErrorCode.INPUT, "Unknown git ref '" + ref + "' (from " + option + ") in the"
                        + " shallow clone " + root + ".\nFetch the base and its history: git fetch --unshallow origin"
                        + " (GitHub Actions: actions/checkout with fetch-depth: 0; GitLab: GIT_DEPTH: 0).");
            }
            throw new HarnessException(ErrorCode.INPUT, "Unknown git ref '" + ref + "' (from " + option + "): no branch,"
                    + " tag or commit of that name in " + root + "." + known() + "\nCheck the name, or fetch it first"
                    + " (git fetch origin).");
        }
        String commit = resolved.text().strip();
        Result base = git(root, null, "merge-base", commit, "HEAD");
        if (base.exit() != 0) {
            if (shallow) {
                throw new HarnessException(ErrorCode.INPUT, "The shallow clone " + root + " does not reach back to where"
                        + " HEAD and '" + ref + "' (from " + option + ") parted.\nFetch the whole history: git fetch"
                        + " --unshallow origin (GitHub Actions: actions/checkout with fetch-depth: 0; GitLab: GIT_DEPTH: 0).");
            }
            throw new HarnessException(ErrorCode.INPUT, "HEAD and '" + ref + "' (from " + option + ") have no common"
                    + " ancestor in " + root + ": nothing to compare with.\nGive the branch this change was made from.");
        }
        return new Commit(ref, base.text().strip());
    }

    private String known() {
        Result refs = git(root, null, "for-each-ref", "--count=12", "--format=%(refname:short)", "refs/remotes", "refs/heads");
        List<String> names = refs.text().lines().filter(l -> !l.isBlank() && !l.endsWith("/HEAD")).toList();
        return names.isEmpty() ? "" : "\nBranches here: " + String.join(", ", names) + ".";
    }

    /**
     * The files that differ between {@code base} and the work tree (committed, staged or not, and new files git does
     * not ignore), as paths from the root with {@code /}; a renamed file is listed under both names.
     */
    public Set<String> changedSince(Commit base) {
        Set<String> changed = new LinkedHashSet<>();
        changed.addAll(paths(checked(git(root, null, "-c", "core.quotepath=off", "diff", "--name-only", "--no-renames",
                "-z", base.id(), "--"), "git diff")));
        changed.addAll(paths(checked(git(root, null, "ls-files", "-z", "--others", "--exclude-standard"), "git ls-files")));
        return changed;
    }

    private static List<String> paths(Result result) {
        List<String> paths = new ArrayList<>();
        for (String path : result.text().split("\0")) {
            if (!path.isEmpty()) {
                paths.add(path);
            }
        }
        return paths;
    }

    /**
     * Writes the files under {@code path} (from the root, {@code /}-separated) as they are at {@code commit} into
     * {@code into}, at the same relative place; symbolic links and submodules are left out.
     *
     * @return how many files were written (0: the commit has nothing there)
     */
    public int export(Commit commit, String path, Path into) {
        Result listing = checked(git(root, null, "ls-tree", "-r", "-z", "--full-tree", commit.id(), "--",
                path.isEmpty() ? "." : path), "git ls-tree");
        List<String[]> blobs = new ArrayList<>();
        for (String entry : listing.text().split("\0")) {
            int tab = entry.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            String[] meta = entry.substring(0, tab).split(" ");
            if (meta.length == 3 && meta[1].equals("blob") && !meta[0].equals("120000")) {
                blobs.add(new String[] {meta[2], entry.substring(tab + 1)});
            }
        }
        if (blobs.isEmpty()) {
            return 0;
        }
        StringBuilder ids = new StringBuilder();
        blobs.forEach(b -> ids.append(b[0]).append('\n'));
        byte[] out = checked(git(root, ids.toString().getBytes(StandardCharsets.US_ASCII), "cat-file", "--batch"),
                "git cat-file").bytes();
        int at = 0;
        Path target = into.toAbsolutePath().normalize();
        try {
            for (String[] blob : blobs) {
                int newline = indexOf(out, (byte) '\n', at);
                String header = new String(out, at, newline - at, StandardCharsets.US_ASCII);
                String[] parts = header.split(" ");
                if (parts.length != 3 || !parts[1].equals("blob")) {
                    throw new HarnessException(ErrorCode.ENVIRONMENT, "git cat-file answered '" + header + "' for "
                            + blob[1] + " at " + commit.id() + ".");
                }
                int size = Integer.parseInt(parts[2]);
                Path file = target.resolve(blob[1]).normalize();
                if (!file.startsWith(target)) {
                    throw new HarnessException(ErrorCode.INPUT, "git lists a file outside the folder: " + blob[1]);
                }
                Files.createDirectories(file.getParent());
                Files.write(file, java.util.Arrays.copyOfRange(out, newline + 1, newline + 1 + size));
                at = newline + 1 + size + 1;
            }
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot write the base's files into " + target + ": "
                    + e.getMessage(), e);
        }
        return blobs.size();
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new HarnessException(ErrorCode.ENVIRONMENT, "git cat-file ended early.");
    }

    private Result checked(Result result, String what) {
        if (result.exit() != 0) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, what + " failed in " + root + " (exit " + result.exit()
                    + "): " + result.error().strip());
        }
        return result;
    }

    /** Runs git in {@code dir} without a terminal prompt or a pager; its output, error text and exit code. */
    private static Result git(Path dir, byte[] input, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.add("--no-pager");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("LC_ALL", "C");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot run git: " + e.getMessage() + ".\nInstall git, or give"
                    + " the base as a folder with --base-dir DIR.", e);
        }
        try {
            ByteArrayOutputStream error = new ByteArrayOutputStream();
            Thread errors = new Thread(() -> copy(process.getErrorStream(), error), "git-stderr");
            errors.setDaemon(true);
            errors.start();
            Thread feeder = null;
            if (input != null) {
                feeder = new Thread(() -> {
                    try (OutputStream stdin = process.getOutputStream()) {
                        stdin.write(input);
                    } catch (IOException e) {
                        // git ended early: its exit code says why
                    }
                }, "git-stdin");
                feeder.setDaemon(true);
                feeder.start();
            } else {
                process.getOutputStream().close();
            }
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new HarnessException(ErrorCode.ENVIRONMENT, "git " + String.join(" ", args) + " did not end in "
                        + TIMEOUT_SECONDS + " s in " + dir + ".");
            }
            errors.join(TimeUnit.SECONDS.toMillis(5));
            if (feeder != null) {
                feeder.join(TimeUnit.SECONDS.toMillis(5));
            }
            return new Result(process.exitValue(), out, error.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot read git's output: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Interrupted while git ran.", e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // the exit code says what matters
        }
    }

    private record Result(int exit, byte[] bytes, String error) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * A commit to compare with.
     *
     * @param ref the ref the user named (e.g. {@code origin/main})
     * @param id the commit's full id (the merge base of the ref and HEAD)
     */
    public record Commit(String ref, String id) {

        /** The commit's id, short, as {@code git log --oneline} shows it. */
        public String shortId() {
            return id.length() > 10 ? id.substring(0, 10) : id;
        }
    }
}
