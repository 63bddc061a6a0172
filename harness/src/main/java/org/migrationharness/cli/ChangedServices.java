package org.migrationharness.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.migrationharness.internal.DisplayPath;
import org.migrationharness.source.Repository;
import org.migrationharness.source.ServiceConfig;
import org.migrationharness.vcs.GitCheckout;

/**
 * {@code --changed-since REF}: what a change touches. A service is selected when a file of its own changed since the
 * merge base of REF and HEAD (its folder under {@code service-migrations/}: migrations, {@code harness.yaml},
 * expected schema; its seeds under {@code seeds/}), or when it depends on such a service ({@code depends-on:},
 * followed); every service when the repository's {@code harness-defaults.yaml} changed; a {@code --migrations} folder
 * when a file under it changed. Uncommitted and new files count.
 *
 * @param base the merge base compared with
 * @param files the changed files, from the checkout's root
 * @param checkout the checkout
 */
record ChangedServices(GitCheckout.Commit base, Set<String> files, GitCheckout checkout) {

    private static final int FILES_SHOWN = 3;

    /** The files changed since the merge base of {@code ref} and HEAD, in the checkout holding {@code dir}. */
    static ChangedServices since(String ref, Path dir) {
        String option = "--changed-since " + ref;
        GitCheckout checkout = GitCheckout.containing(dir, option);
        GitCheckout.Commit base = checkout.mergeBase(ref, "--changed-since");
        return new ChangedServices(base, checkout.changedSince(base), checkout);
    }

    /**
     * Of {@code services}, those to verify, each with why: {@code changed: <files>} or {@code depends on <service>}.
     */
    Map<String, String> select(Repository repository, List<String> services) {
        Map<String, List<String>> changed = new TreeMap<>();
        String servicesPrefix = prefix(repository.servicesFolder());
        String seedsPrefix = prefix(repository.root().resolve(Repository.SEEDS));
        for (String file : files) {
            String service = owner(file, servicesPrefix);
            if (service == null) {
                service = owner(file, seedsPrefix);
            }
            if (service != null) {
                changed.computeIfAbsent(service, s -> new ArrayList<>()).add(file);
            }
        }
        Map<String, String> dependents = repository.dependents(changed.keySet());
        String defaults = servicesPrefix + ServiceConfig.DEFAULTS_FILE_NAME;
        boolean everyService = files.contains(defaults);
        Map<String, String> selected = new LinkedHashMap<>();
        for (String service : services) {
            if (everyService) {
                selected.put(service, "changed: " + defaults + " (the defaults of every service)");
            } else if (changed.containsKey(service)) {
                selected.put(service, "changed: " + shown(changed.get(service)));
            } else if (dependents.containsKey(service)) {
                selected.put(service, "depends on " + dependents.get(service));
            }
        }
        return selected;
    }

    /** Why a {@code --migrations} folder is selected ({@code changed: <files>}), or null when nothing under it changed. */
    String reason(Path folder) {
        String prefix = prefix(folder);
        List<String> under = files.stream().filter(f -> f.startsWith(prefix)).toList();
        return under.isEmpty() ? null : "changed: " + shown(under);
    }

    /** Prints the selection on stderr: the base, then each selected entry and why. */
    void print(PrintStream err, Map<String, String> selected, int of) {
        err.println("Changed since " + base.ref() + " (merge base " + base.shortId() + "): " + selected.size() + " of "
                + of + (of == 1 ? " selected set" : " selected sets") + " to verify" + (selected.isEmpty() ? "." : ":"));
        int width = selected.keySet().stream().mapToInt(String::length).max().orElse(0);
        selected.forEach((name, why) -> err.println("  " + name + " ".repeat(width - name.length()) + "  " + why));
        if (selected.isEmpty()) {
            err.println("  " + (files.isEmpty() ? "no file changed" : files.size() + " changed file(s), none of a selected"
                    + " service's migrations, harness.yaml, expected schema or seeds") + ": nothing to verify.");
        }
    }

    private String prefix(Path folder) {
        String relative = checkout.relative(folder);
        return relative.isEmpty() ? "" : relative + "/";
    }

    private static String owner(String file, String prefix) {
        if (!file.startsWith(prefix)) {
            return null;
        }
        String rest = file.substring(prefix.length());
        int slash = rest.indexOf('/');
        return slash <= 0 ? null : rest.substring(0, slash);
    }

    private static String shown(List<String> files) {
        List<String> first = files.subList(0, Math.min(FILES_SHOWN, files.size()));
        return String.join(", ", first) + (files.size() > FILES_SHOWN ? " and " + (files.size() - FILES_SHOWN) + " more" : "");
    }

    @Override
    public String toString() {
        return "changed since " + base.ref() + " at " + base.shortId() + " in " + DisplayPath.of(checkout.root());
    }
}
