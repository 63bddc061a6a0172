package org.migrationharness.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.Secrets;

/** Writes and reads the JSON report of CONTRACT.md. */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String toJson(RunReport report) {
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            return Secrets.mask(MAPPER.writer(printer).writeValueAsString(report)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(RunReport report, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson(report));
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot write the JSON report to " + file + ": " + e.getMessage(), e);
        }
    }

    public static RunReport read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), RunReport.class);
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot read the JSON report " + file + ": " + e.getMessage(), e);
        }
    }
}
