package org.migrationharness.internal;

import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one masking function for every message, log line and report the harness writes: passwords never appear in
 * them. It masks
 * <ul>
 *   <li>{@code password=...} (and {@code sslpassword}, {@code passwd}, {@code pwd}) in a URL's query or a key=value
 *       list,</li>
 *   <li>the password of a {@code scheme://user:password@host} URL,</li>
 *   <li>every password the harness was given ({@link #register}: PGPASSWORD, harness.password), wherever it appears.</li>
 * </ul>
 */
public final class Secrets {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /** Shorter passwords are masked in URLs only: masking every "ab" in every message would garble it. */
    private static final int SHORTEST_MASKED_ANYWHERE = 4;

    private static final Pattern KEY_VALUE = Pattern.compile("(?i)\\b((?:ssl)?password|passwd|pwd)=([^&\\s;,'\"]*)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@\\s:]*:)([^@/\\s]+)@");
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private Secrets() {
    }

    /** Remembers a password so that {@link #mask} hides it wherever it appears. Null and empty are ignored. */
    public static void register(String secret) {
        if (secret != null && secret.length() >= SHORTEST_MASKED_ANYWHERE) {
            KNOWN.add(secret);
        }
    }

    /** The text with every password it holds replaced by {@value #MASK}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = KEY_VALUE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "=" + MASK));
        masked = USER_INFO.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        for (String secret : KNOWN.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
