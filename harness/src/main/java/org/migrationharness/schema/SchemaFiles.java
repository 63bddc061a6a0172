package org.migrationharness.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;

/**
 * The committed expectation format ({@code expected-schema.json}): a {@link SchemaSnapshot} as pretty JSON that reads
 * well in a pull request's diff. Two-space indentation, one array element per line, keys in a fixed order, lists
 * sorted as the snapshot sorts them, unset values and empty lists left out, a final newline: the same schema always
 * gives the same bytes. Reading is strict about unknown keys (a typo would silently weaken the expectation) and
 * lenient about missing ones: a missing flag reads as false, a missing list as empty.
 *
 * <p>SQL text in a snapshot (view definitions, defaults, constraint and index definitions) is rendered by the server,
 * and PostgreSQL's rendering changes between major versions (16 stopped qualifying columns in single-table views, for
 * one), so compare an expectation only with snapshots taken on the major version it was written with.
 */
public final class SchemaFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final ObjectWriter WRITER;

    static {
        // empty lists are left out too; the records read a missing list as empty
        MAPPER.configOverride(List.class).setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null));
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        WRITER = MAPPER.writer(printer);
    }

    private SchemaFiles() {
    }

    /** The snapshot as the JSON text {@link #write} writes. */
    public static String toJson(SchemaSnapshot snapshot) {
        try {
            return WRITER.writeValueAsString(snapshot) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A schema snapshot could not be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Writes the snapshot to {@code file} (UTF-8), creating its folder if needed. */
    public static void write(SchemaSnapshot snapshot, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson(snapshot), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot write the schema snapshot to " + file + ": "
                    + e.getMessage() + "\nCheck that the folder is writable.", e);
        }
    }

    /**
     * Reads a snapshot written by {@link #write}.
     *
     * @throws HarnessException with {@link ErrorCode#INPUT} naming the file (and the line) when it is missing or is
     *                          not a schema snapshot
     */
    public static SchemaSnapshot read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new HarnessException(ErrorCode.INPUT, "No schema snapshot at " + file + ".\n"
                    + "Write one with: java -jar migration-harness.jar snapshot --service NAME --write-expected", e);
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot read the schema snapshot " + file + ": " + e.getMessage(), e);
        }
        try {
            SchemaSnapshot snapshot = MAPPER.readValue(text, SchemaSnapshot.class);
            if (snapshot == null) {
                throw new HarnessException(ErrorCode.INPUT, "The schema snapshot " + file + " is empty.\n"
                        + "Expected a JSON object as `snapshot` writes it; write it again with snapshot --write-expected.",
                        file, 0, null);
            }
            return snapshot;
        } catch (UnrecognizedPropertyException e) {
            // Jackson reports the end of the enclosing object; the key's own line is found by looking for it
            String key = "\"" + e.getPropertyName() + "\"";
            int at = text.indexOf(key);
            int line = at >= 0 && text.indexOf(key, at + 1) < 0
                    ? (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1 : 0;
            throw new HarnessException(ErrorCode.INPUT, "Unknown key '" + e.getPropertyName() + "' at " + path(e)
                    + " in the schema snapshot " + file + (line > 0 ? " (line " + line + ")" : "")
                    + ".\nExpected only the keys `snapshot` writes; write the file again with snapshot --write-expected "
                    + "rather than editing it by hand.", file, line, e);
        } catch (JsonProcessingException e) {
            String at = path(e);
            throw new HarnessException(ErrorCode.INPUT, "The schema snapshot " + file + " is not valid"
                    + (at.isEmpty() || at.equals("?") ? "" : " at " + at) + line(e.getLocation())
                    + ": " + e.getOriginalMessage() + "\nExpected JSON as `snapshot` writes it; fix the file (a merge "
                    + "conflict?) or write it again with snapshot --write-expected.", file, lineNumber(e.getLocation()), e);
        }
    }

    /** Where in the document: e.g. {@code tables[2].columns[0].tpye}. */
    private static String path(JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping)) {
            return "?";
        }
        StringBuilder path = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() <= 0
                ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static int lineNumber(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }
}
