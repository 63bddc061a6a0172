package org.migrationharness.sql;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Small helpers on PostgreSQL names, shared by the file rules ({@code source.naming}), the object rules
 * ({@code check.naming}) and every package that writes SQL with an identifier in it ({@link #quote}).
 */
public final class Names {

    /** PostgreSQL's limit on an identifier's length in bytes (NAMEDATALEN - 1). */
    public static final int MAX_BYTES = 63;

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private Names() {
    }

    /**
     * {@code AddPhone} -> {@code add_phone}, {@code accountId} -> {@code account_id}, {@code HTTPServer} ->
     * {@code http_server}, {@code 2FA codes} -> {@code 2fa_codes}, {@code v2Api} -> {@code v2_api}; a leading
     * underscore of the name is kept
     * ({@code _User} -> {@code _user}). Empty when nothing of the name is left.
     */
    public static String snakeCase(String name) {
        String s = name.replaceAll("([a-z])([A-Z])", "$1_$2").replaceAll("([0-9])([A-Z][a-z])", "$1_$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return name.startsWith("_") && !s.isEmpty() ? "_" + s : s;
    }

    /**
     * Names to suggest for {@code name}, most faithful first: in snake_case, without a leading underscore, in the
     * plural (most reserved words are not, {@code user} -> {@code users}), with a letter first ({@code 2fa} ->
     * {@code n_2fa}). The caller keeps the first that passes its rules; none is checked here.
     */
    public static List<String> candidates(String name) {
        String snake = snakeCase(name);
        String bare = snake.replaceFirst("^_+", "");
        Set<String> candidates = new LinkedHashSet<>();
        for (String candidate : List.of(snake, bare, bare.isEmpty() ? "" : bare + "s", bare.isEmpty() ? "" : "n_" + bare)) {
            if (!candidate.isEmpty()) {
                candidates.add(candidate);
            }
        }
        return List.copyOf(candidates);
    }

    /**
     * The identifier double-quoted, with a {@code "} in it doubled: {@code order"s} -> {@code "order""s"}. The one
     * quoting of identifiers in the harness's own SQL (schemas, tables, databases, history tables).
     */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The name as SQL must write it: bare when it is a plain lower-case name, else {@link #quote quoted}. */
    public static String sql(String name) {
        return PLAIN.matcher(name).matches() ? name : quote(name);
    }

    public static int bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The name as PostgreSQL stores it: cut to 63 bytes without splitting a character. */
    public static String truncated(String name) {
        if (bytes(name) <= MAX_BYTES) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > MAX_BYTES) {
                break;
            }
            out.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
