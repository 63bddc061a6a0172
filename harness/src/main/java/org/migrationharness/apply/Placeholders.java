package org.migrationharness.apply;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;

/** Replaces Flyway's {@code ${name}} placeholders in down scripts, as Flyway does in up scripts. */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_:.-]+)}");

    private Placeholders() {
    }

    static String replace(String sql, Map<String, String> values, Path file) {
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.get(name);
            if (value == null) {
                int line = 1 + (int) sql.substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
                throw new HarnessException(ErrorCode.INPUT, "No value for placeholder ${" + name + "} in "
                        + DisplayPath.of(file) + " line " + line + ".\nDefine it under 'placeholders:' in harness.yaml.",
                        file, line, null);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
