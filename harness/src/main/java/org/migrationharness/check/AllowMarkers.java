package org.migrationharness.check;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks a script allows with {@code -- harness:allow <check> <reason>} (lint rules, the measured checks): each
 * with its reason. A marker without a reason allows nothing.
 */
final class AllowMarkers {

    private static final Pattern ALLOW = Pattern.compile(
            "(?m)--[ \\t]*harness:allow[ \\t]+([a-z]+(?:\\.[a-z-]+)+)[ \\t]*(.*)$");

    private AllowMarkers() {
    }

    /** The checks {@code text} allows, by id, each with its reason. */
    static Map<String, String> in(String text) {
        Map<String, String> allowed = new HashMap<>();
        Matcher m = ALLOW.matcher(text);
        while (m.find()) {
            if (!m.group(2).isBlank()) {
                allowed.put(m.group(1), m.group(2).strip());
            }
        }
        return allowed;
    }
}
