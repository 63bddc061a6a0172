package org.migrationharness.check;

import java.util.Set;

import org.migrationharness.CheckId;

/**
 * One check of a set: what the verifier runs, the harness's own checks and those a user adds. A check reports findings
 * to its context; an error finding fails it. It declares the stages it needs ({@link #needs()}) and gets their results
 * from the context, computed once per set; it keeps no state of its own (one instance may check several sets at a
 * time).
 *
 * <p>A check from outside the harness is found with {@link java.util.ServiceLoader}: a public class with a public
 * no-argument constructor, listed in {@code META-INF/services/org.migrationharness.check.Check}. It runs after the
 * harness's own checks and appears in every report; its id, declared with {@link CheckId#of(String, String, String)},
 * carries the help text {@code verify --explain} shows.
 */
public interface Check {

    CheckId id();

    /** The stages this check needs computed: it may read only these from its context. */
    default Set<Stage> needs() {
        return Set.of();
    }

    /** Why this check cannot run now (a check it needs failed, nothing to check), or null when it can. */
    default String skipReason(CheckContext context) {
        return null;
    }

    void run(CheckContext context);
}
