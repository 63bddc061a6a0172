package org.migrationharness.source;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;

/**
 * Flyway's script configuration file: {@code V3__x.sql.conf} beside {@code V3__x.sql} (the script's exact name plus
 * {@code .conf}), {@code key=value} lines, {@code #} comments. Flyway Community knows three keys and refuses to
 * migrate on any other, or on a value that is not {@code true}/{@code false} where one is expected.
 *
 * @param settings the keys as Flyway names them, values trimmed ({@code executeInTransaction=false})
 * @param problems {@code naming.file} errors, each naming the file and line: what Flyway would refuse
 */
record FlywayScriptConfig(Map<String, String> settings, List<Finding> problems) {

    /** Whether Flyway wraps the script in a transaction ({@code true} unless told otherwise). */
    static final String EXECUTE_IN_TRANSACTION = "executeInTransaction";
    /** The script's own encoding. */
    static final String ENCODING = "encoding";
    /** Whether placeholders are replaced in the script. */
    static final String PLACEHOLDER_REPLACEMENT = "placeholderReplacement";

    private static final List<String> KNOWN = List.of(EXECUTE_IN_TRANSACTION, ENCODING, PLACEHOLDER_REPLACEMENT);
    private static final String SUFFIX = ".conf";

    /** The script a file configures when it is named like a script configuration ({@code <script>.sql.conf}). */
    static Optional<String> scriptOf(String fileName) {
        if (!fileName.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String script = fileName.substring(0, fileName.length() - SUFFIX.length());
        return script.toLowerCase(Locale.ROOT).endsWith(".sql") ? Optional.of(script) : Optional.empty();
    }

    /** Reads a configuration file's text as Flyway does, reporting what Flyway would refuse. */
    static FlywayScriptConfig read(Path file, String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        List<Finding> problems = new ArrayList<>();
        String name = file.getFileName().toString();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String key = (equals < 0 ? line : line.substring(0, equals)).strip();
            String value = equals < 0 ? "" : line.substring(equals + 1).strip();
            String problem = problem(key, value);
            if (problem != null) {
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, null, DisplayPath.of(file), i + 1,
                        name + " line " + (i + 1) + ": " + problem));
            } else {
                settings.put(key, key.equals(ENCODING) ? value : value.toLowerCase(Locale.ROOT));
            }
        }
        return new FlywayScriptConfig(settings, problems);
    }

    private static String problem(String key, String value) {
        switch (key) {
            case EXECUTE_IN_TRANSACTION, PLACEHOLDER_REPLACEMENT -> {
                return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null
                        : key + "=" + value + " is not a boolean (expected true or false): Flyway refuses to migrate"
                        + " (Invalid value for " + key + ").\nWrite " + key + "=false or " + key + "=true.";
            }
            case ENCODING -> {
                try {
                    Charset.forName(value);
                    return null;
                } catch (IllegalArgumentException e) {
                    return "unknown encoding '" + value + "' (expected a charset name such as UTF-8 or ISO-8859-1)."
                            + "\nName the encoding the script is saved in, or remove the line.";
                }
            }
            case "shouldExecute" -> {
                return "shouldExecute is a feature of Flyway's paid editions: Flyway Community refuses to migrate"
                        + " (Upgrade required: shouldExecute is not supported by OSS).\nRemove the line; keep the"
                        + " script out of the folder where it must not run.";
            }
            default -> {
                return "unknown key '" + key + "' (expected one of " + String.join(", ", KNOWN) + "): Flyway refuses"
                        + " to migrate (Unknown configuration property: " + key + ").\nRemove or rename it.";
            }
        }
    }

    /** The script's own encoding, if it names one. */
    Optional<Charset> encoding() {
        return Optional.ofNullable(settings.get(ENCODING)).map(Charset::forName);
    }
}
