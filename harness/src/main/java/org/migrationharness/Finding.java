package org.migrationharness;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing a check found.
 *
 * @param check the check's stable id (see {@link CheckId})
 * @param severity how bad it is
 * @param migration the version as written in the file name, or null when the finding is about the whole set
 * @param file the file the finding comes from, or null
 * @param line the 1-based line of the statement in {@code file}, or null
 * @param message what was expected, what was found, and what to do
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String check, Severity severity, String migration, String file, Integer line, String message) {

    public Finding {
        if (check == null || severity == null || message == null) {
            throw new IllegalArgumentException("check, severity and message are required");
        }
    }

    /** A finding of {@code check}. */
    public Finding(CheckId check, Severity severity, String migration, String file, Integer line, String message) {
        this(check.id(), severity, migration, file, line, message);
    }

    /** Whether this is a finding of {@code check}: how findings are routed to the check they belong to. */
    public boolean isOf(CheckId check) {
        return this.check.equals(check.id());
    }

    public static Finding error(CheckId check, String message) {
        return new Finding(check.id(), Severity.ERROR, null, null, null, message);
    }

    public Finding withMigration(String version) {
        return new Finding(check, severity, version, file, line, message);
    }

    public Finding at(String file, Integer line) {
        return new Finding(check, severity, migration, file, line, message);
    }

    /** {@code file:line: } or {@code file: } or nothing, for text reports. */
    public String location() {
        if (file == null) {
            return "";
        }
        return line == null ? file + ": " : file + ":" + line + ": ";
    }
}
