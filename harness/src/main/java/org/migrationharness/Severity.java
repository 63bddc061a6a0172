package org.migrationharness;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How bad a finding is. Only {@link #ERROR} fails a run (exit code 1). */
public enum Severity {
    ERROR, WARNING, INFO;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
