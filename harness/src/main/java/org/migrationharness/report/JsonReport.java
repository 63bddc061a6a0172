package org.migrationharness.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.Secrets;

/** Writes and reads the JSON report of CONTRACT.md: {@code --report json=FILE} (or {@code --report-json FILE}). */
public final class JsonReport implements ReportWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** For {@link java.util.ServiceLoader}; the static methods need no instance. */
    public JsonReport() {
    }

    public static String toJson(RunReport report) {
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            return Secrets.mask(MAPPER.writer(printer).writeValueAsString(report)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String format() {
        return "json";
    }

    @Override
    public String exampleFile() {
        return "report.json";
    }

    @Override
    public String render(RunReport report) {
        return toJson(report);
    }

    public static RunReport read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), RunReport.class);
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot read the JSON report " + file + ": " + e.getMessage(), e);
        }
    }
}
