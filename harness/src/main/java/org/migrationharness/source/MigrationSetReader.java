package org.migrationharness.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.internal.Settings;
import org.migrationharness.naming.FileNaming;
import org.migrationharness.naming.ScriptName;
import org.migrationharness.report.CheckId;
import org.migrationharness.report.Finding;
import org.migrationharness.report.Severity;

/**
 * Reads a Flyway-layout folder: {@code V<version>__<description>.sql} up scripts, {@code U<version>__<description>.sql}
 * down scripts in the same folder (Flyway's undo naming), {@code R__<description>.sql} repeatables; sub-folders are
 * read too, as Flyway does. Every other file is reported ({@code naming.file}): Flyway would silently ignore or
 * misread it.
 *
 * <p>Symbolic links are followed, as Flyway follows them, so both see the same files; a link back into a folder that
 * contains it is an input error. Every script (V, U, R and Flyway's SQL callbacks) must decode in the set's
 * encoding ({@code encoding:} in {@code harness.yaml}, UTF-8 by default): one that does not, or a binary file, is an
 * input error naming the file, the byte offset and the line.
 */
public final class MigrationSetReader {

    /** The marker a down script holds instead of statements to declare its migration irreversible. */
    public static final String IRREVERSIBLE_MARKER = "harness:irreversible";

    private static final Pattern VERSIONED = Pattern.compile("([VU])([0-9]+(?:[._][0-9]+)*)__(.+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");
    /** Flyway's SQL callbacks ({@code afterMigrate.sql}, {@code beforeEachMigrate__audit.sql}): Flyway runs them. */
    private static final Pattern CALLBACK = Pattern.compile("(before|after)(Migrate|Repeatables|EachMigrate|EachMigrateStatement"
            + "|EachMigrateStatementError|EachMigrateError|MigrateApplied|Versioned|MigrateError|Clean|CleanError|Info"
            + "|InfoError|Validate|ValidateError|Baseline|BaselineError|Repair|RepairError|Connect|EachUndo|Undo"
            + "|EachUndoError|UndoError)(__.+)?\\.sql|createSchema(__.+)?\\.sql");
    private static final Pattern MARKER = Pattern.compile("^\\s*--\\s*" + Pattern.quote(IRREVERSIBLE_MARKER) + "\\b\\s*(.*)$");

    private MigrationSetReader() {
    }

    /**
     * Reads a service folder ({@code <service>/migrations/} plus an optional {@code <service>/harness.yaml}) or a bare
     * migrations folder (with an optional {@code harness.yaml} inside it). For a service folder, the
     * {@code harness-defaults.yaml} beside it (in {@code service-migrations/}) gives the naming rules' defaults.
     *
     * @throws HarnessException with {@link ErrorCode#INPUT} when the folder does not exist or cannot be read, holds a
     *         symbolic link loop, or holds a script that is binary or not valid in the set's encoding
     */
    public static MigrationSet read(Path folder, String name) {
        if (!Files.isDirectory(folder)) {
            throw new HarnessException(ErrorCode.INPUT, "No migrations folder at " + DisplayPath.of(folder) + ".\n"
                    + "Give a folder that holds V<version>__<description>.sql files, or a service name under service-migrations/.");
        }
        Path migrations = folder;
        ServiceConfig config = ServiceConfig.defaults();
        if (Files.isDirectory(folder.resolve("migrations"))) {
            migrations = folder.resolve("migrations");
            if (Files.isRegularFile(folder.resolve(ServiceConfig.FILE_NAME))) {
                config = ServiceConfig.read(folder.resolve(ServiceConfig.FILE_NAME));
            }
        }
        if (Files.isRegularFile(migrations.resolve(ServiceConfig.FILE_NAME))) {
            config = ServiceConfig.read(migrations.resolve(ServiceConfig.FILE_NAME));
        }
        Path defaults = migrations.equals(folder) || folder.toAbsolutePath().getParent() == null ? null
                : folder.toAbsolutePath().getParent().resolve(ServiceConfig.DEFAULTS_FILE_NAME);
        if (defaults != null && Files.isRegularFile(defaults)) {
            config = config.withNamingDefaults(ServiceConfig.readDefaults(defaults));
        }
        // a run-wide setting (system property, environment variable) overrides the file's timeouts
        config = config.withTimeouts(Timeouts.resolve(Settings.fromSystem()));
        return readFolder(migrations, name, config);
    }

    private static MigrationSet readFolder(Path migrations, String name, ServiceConfig config) {
        List<Path> files = files(migrations);
        List<Unreadable> unreadable = new ArrayList<>();
        Map<Path, String> texts = new TreeMap<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            if (VERSIONED.matcher(fileName).matches() || REPEATABLE.matcher(fileName).matches()
                    || CALLBACK.matcher(fileName).matches()) {
                ScriptText script = decode(file, config);
                if (script.problem() != null) {
                    unreadable.add(script.problem());
                } else {
                    texts.put(file, script.text());
                }
            }
        }
        if (!unreadable.isEmpty()) {
            throw unreadable(migrations, unreadable);
        }
        List<Finding> problems = new ArrayList<>();
        Map<MigrationVersion, Path> ups = new TreeMap<>();
        Map<MigrationVersion, Path> downs = new TreeMap<>();
        Map<String, Path> repeatables = new TreeMap<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            if (fileName.equals(ServiceConfig.FILE_NAME) || CALLBACK.matcher(fileName).matches()) {
                continue;
            }
            Matcher versioned = VERSIONED.matcher(fileName);
            Matcher repeatable = REPEATABLE.matcher(fileName);
            if (versioned.matches()) {
                MigrationVersion version = MigrationVersion.of(versioned.group(2));
                Map<MigrationVersion, Path> target = versioned.group(1).equals("V") ? ups : downs;
                Path previous = target.putIfAbsent(version, file);
                if (previous != null) {
                    problems.add(duplicate(previous, file, version));
                }
            } else if (repeatable.matches()) {
                Path previous = repeatables.putIfAbsent(repeatable.group(1), file);
                if (previous != null) {
                    problems.add(new Finding(CheckId.ORDER_DUPLICATE_VERSION.id(), Severity.ERROR, null,
                            DisplayPath.of(file), null, "Repeatable migrations " + previous.getFileName() + " and "
                            + fileName + " share the description '" + repeatable.group(1)
                            + "': Flyway refuses to migrate.\nRename one of them."));
                }
            } else {
                problems.add(misnamed(file, fileName));
            }
        }
        List<Migration> result = new ArrayList<>();
        for (Map.Entry<MigrationVersion, Path> up : ups.entrySet()) {
            MigrationVersion version = up.getKey();
            Path down = downs.get(version);
            String reason = null;
            if (down != null) {
                Marker marker = marker(texts.get(down));
                reason = marker.reason();
                if (marker.reason() != null && marker.hasStatements()) {
                    problems.add(new Finding(CheckId.DOWN_MISSING.id(), Severity.ERROR, version.text(),
                            DisplayPath.of(down), marker.line(), down.getFileName() + " marks migration " + version
                            + " irreversible and also holds statements.\nKeep only the '-- " + IRREVERSIBLE_MARKER
                            + " <reason>' line, or remove it to make the script a real down migration."));
                    reason = null;
                }
            }
            result.add(new Migration(version, description(up.getValue()), up.getValue(), down, reason));
        }
        for (Map.Entry<MigrationVersion, Path> down : downs.entrySet()) {
            if (!ups.containsKey(down.getKey())) {
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, down.getKey().text(),
                        DisplayPath.of(down.getValue()), null, down.getValue().getFileName()
                        + " reverses no migration: there is no V" + down.getKey() + "__*.sql.\n"
                        + "Rename it to the version it reverses, or delete it."));
            }
        }
        List<RepeatableMigration> repeatableList = repeatables.entrySet().stream()
                .map(e -> new RepeatableMigration(e.getKey(), e.getValue())).toList();
        problems.addAll(FileNaming.check(config.naming(), migrations, scriptNames(ups, downs),
                repeatableList.stream().map(r -> new ScriptName("R", null, r.description(), r.script())).toList(),
                Clock.systemUTC()));
        return new MigrationSet(name, migrations, "flyway", config, result, repeatableList, problems);
    }

    /** The up scripts in version order, then the down scripts, as the naming rules see them. */
    private static List<ScriptName> scriptNames(Map<MigrationVersion, Path> ups, Map<MigrationVersion, Path> downs) {
        List<ScriptName> names = new ArrayList<>();
        for (Map<MigrationVersion, Path> scripts : List.of(ups, downs)) {
            for (Map.Entry<MigrationVersion, Path> e : scripts.entrySet()) {
                Matcher m = VERSIONED.matcher(e.getValue().getFileName().toString());
                if (m.matches()) {
                    names.add(new ScriptName(m.group(1), m.group(2), m.group(3), e.getValue()));
                }
            }
        }
        return names;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String description(Path file) {
        Matcher matcher = VERSIONED.matcher(file.getFileName().toString());
        return matcher.matches() ? matcher.group(3) : file.getFileName().toString();
    }

    private static Finding duplicate(Path first, Path second, MigrationVersion version) {
        String kind = second.getFileName().toString().startsWith("U") ? "Down scripts" : "Migrations";
        return new Finding(CheckId.ORDER_DUPLICATE_VERSION.id(), Severity.ERROR, version.text(), DisplayPath.of(second),
                null, kind + " " + first.getFileName() + " and " + second.getFileName() + " share version " + version
                + ": Flyway refuses to migrate (found more than one migration with version " + version.flywayText()
                + ").\nGive one of them a version of its own.");
    }

    /** Why a file is not a migration Flyway reads as intended, and how to rename it. */
    private static Finding misnamed(Path file, String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        String message;
        Severity severity = Severity.ERROR;
        if (lower.endsWith(".sql") && !fileName.endsWith(".sql")) {
            message = fileName + ": Flyway only reads files ending in '.sql' (lower case) and ignores this one.\n"
                    + "Rename it to " + fileName.substring(0, fileName.length() - 4) + ".sql.";
        } else if (lower.endsWith(".sql") && Pattern.compile("[vur][0-9_].*").matcher(fileName).matches()) {
            String fixed = Character.toUpperCase(fileName.charAt(0)) + fileName.substring(1);
            message = fileName + ": Flyway's prefixes are upper case (V, U, R); it would ignore this file.\n"
                    + "Rename it to " + fixed + ".";
        } else if (Pattern.compile("[VU][0-9]+(?:[._][0-9]+)*_[^_].*\\.sql").matcher(fileName).matches()) {
            Matcher m = Pattern.compile("([VU][0-9]+(?:[._][0-9]+)*)_(.*)").matcher(fileName);
            String fixed = m.matches() ? m.group(1) + "__" + m.group(2) : fileName;
            message = fileName + ": the version and the description are separated by two underscores; Flyway would"
                    + " misread or ignore this file.\nRename it to " + fixed + ".";
        } else if (Pattern.compile("[VU][0-9]+(?:[._][0-9]+)*(__)?\\.sql").matcher(fileName).matches()) {
            message = fileName + ": a migration needs a description after the version.\n"
                    + "Rename it to " + fileName.replaceFirst("(__)?\\.sql$", "") + "__<description>.sql.";
        } else if (Pattern.compile("[VU].*\\.sql").matcher(fileName).matches()) {
            message = fileName + ": the version must be digits separated by '.' or '_' (e.g. V1__, V1.1__, V2_3__).\n"
                    + "Rename it to V<version>__<description>.sql.";
        } else if (lower.endsWith(".sql")) {
            message = fileName + ": not named like a migration, so Flyway ignores it.\n"
                    + "Rename it to V<version>__<description>.sql (or R__<description>.sql), or move it out of the"
                    + " migrations folder.";
        } else {
            severity = Severity.WARNING;
            message = fileName + ": not a migration; Flyway ignores it.\nMove it out of the migrations folder.";
        }
        return new Finding(CheckId.NAMING_FILE.id(), severity, null, DisplayPath.of(file), null, message);
    }

    /**
     * Every regular file under the folder, by relative path. Symbolic links are followed, as Flyway follows them;
     * hidden files and folders are left out (Flyway skips hidden folders, and no migration name starts with a dot).
     */
    private static List<Path> files(Path migrations) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(migrations, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return hidden(migrations.relativize(dir)) ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile() && !hidden(migrations.relativize(file))) {
                                files.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            if (e instanceof FileSystemLoopException) {
                                throw loop(migrations, file, e);
                            }
                            throw e;
                        }
                    });
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot read the migrations folder " + DisplayPath.of(migrations)
                    + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(p -> migrations.relativize(p).toString()));
        return files;
    }

    /** A symbolic link to a folder that contains it: Flyway would read the scripts below it over and over. */
    private static HarnessException loop(Path migrations, Path link, IOException cause) {
        String written = null;
        try {
            written = Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).toString() : null;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            written = null;
        }
        String resolved = null;
        try {
            resolved = DisplayPath.of(link.toRealPath());
        } catch (IOException | SecurityException e) {
            resolved = null;
        }
        String target = written == null ? (resolved == null ? "a folder above it" : resolved)
                : resolved == null || resolved.equals(written) ? written : written + " (" + resolved + ")";
        return new HarnessException(ErrorCode.INPUT, "Symbolic link loop in " + DisplayPath.of(migrations)
                + ": expected a folder tree without loops, found " + DisplayPath.of(link) + " pointing to " + target
                + ", a folder that contains the link.\nFlyway follows links, so it would read the scripts below it again"
                + " and again and refuse them as duplicate versions.\nRemove the link, or point it at a folder that does"
                + " not contain it.", link, 0, cause);
    }

    /**
     * Why a script cannot be read: the file and what was found where, the line of that, and what to do about it
     * (worded for this file alone, and for several files with the same fix).
     */
    private record Unreadable(Path file, String found, int line, String fix, String fixOfSeveral) {
    }

    /** A script's text, or why it cannot be read. */
    private record ScriptText(String text, Unreadable problem) {
    }

    /**
     * Decodes a script strictly in the set's encoding, as Flyway and the harness will read it: a NUL byte (a binary
     * file), a UTF-16 byte order mark in an ASCII-based encoding, or a byte sequence the encoding does not allow is
     * reported with its byte offset and 1-based line instead of being replaced silently.
     */
    private static ScriptText decode(Path file, ServiceConfig config) {
        Charset charset = config.encoding();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot read " + DisplayPath.of(file) + ": " + e.getMessage(),
                    file, 0, e);
        }
        String name = charset.name();
        boolean asciiBased = asciiBased(charset);
        if (asciiBased && bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return new ScriptText(null, new Unreadable(file, DisplayPath.of(file) + " is UTF-16, not " + name
                    + " (the set's encoding): expected " + name + " text, found the UTF-16 byte order mark "
                    + hex(bytes, 0, 2) + " at offset 0 (line 1)", 1, encodingFix(config, "UTF-16", "it"), encodingFix(config, "UTF-16", "the UTF-16 scripts")));
        }
        if (asciiBased) {
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    int line = 1;
                    for (int j = 0; j < i; j++) {
                        line += bytes[j] == '\n' ? 1 : 0;
                    }
                    return new ScriptText(null, binary(file, name, i, line));
                }
            }
        }
        CharsetDecoder decoder = strict(charset);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 16);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            int offset = in.position();
            int line = 1 + (int) out.chars().filter(c -> c == '\n').count();
            return new ScriptText(null, new Unreadable(file, DisplayPath.of(file) + " is not valid " + name
                    + " (the set's encoding): expected " + name + " text, found " + (result.length() == 1 ? "the byte "
                    : "the bytes ") + hex(bytes, offset, result.length()) + " at offset " + offset + " (line " + line
                    + ")", line, encodingFix(config, "<charset>", "it"), encodingFix(config, "<charset>",
                    "the scripts that are not valid " + name)));
        }
        String text = out.toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int line = 1 + (int) text.substring(0, nul).chars().filter(c -> c == '\n').count();
            return new ScriptText(null, binary(file, name, byteOffset(bytes, charset, nul), line));
        }
        return new ScriptText(text, null);
    }

    private static Unreadable binary(Path file, String charset, int offset, int line) {
        return new Unreadable(file, DisplayPath.of(file) + " is a binary file, not an SQL script: expected " + charset
                + " text, found a NUL byte at offset " + offset + " (line " + line + ")",
                line, "Replace it with the script as text, or move it out of the migrations folder.",
                "Replace the binary files with their scripts as text, or move them out of the migrations folder.");
    }

    /** Save the file in the set's encoding, or name the encoding the team uses in harness.yaml. */
    private static String encodingFix(ServiceConfig config, String suggestion, String files) {
        String yaml = config.file() == null ? ServiceConfig.FILE_NAME : DisplayPath.of(config.file());
        String name = config.encoding().name();
        return "Save " + files + " as " + name + ", or, if the team really uses another encoding, set `encoding: "
                + suggestion + "` in " + yaml + (config.encoding().equals(StandardCharsets.UTF_8) ? "."
                : " (it says " + name + " now).");
    }

    /** One error for every unreadable script of the set, the first one's file and line on the exception. */
    private static HarnessException unreadable(Path migrations, List<Unreadable> scripts) {
        Unreadable first = scripts.get(0);
        Set<String> fixes = new LinkedHashSet<>();
        scripts.forEach(s -> fixes.add(s.fixOfSeveral()));
        String message = scripts.size() == 1 ? first.found() + ".\n" + first.fix()
                : scripts.size() + " scripts in " + DisplayPath.of(migrations) + " cannot be read:\n"
                        + scripts.stream().map(s -> "  " + s.found() + "\n").collect(Collectors.joining())
                        + String.join("\n", fixes);
        return new HarnessException(ErrorCode.INPUT, message, first.file(), first.line(), null);
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Whether the encoding writes ASCII as ASCII bytes (UTF-8, ISO-8859-*, windows-125x): then a NUL byte is binary. */
    private static boolean asciiBased(Charset charset) {
        return charset.canEncode()
                && Arrays.equals("\0\nA".getBytes(charset), new byte[] {0, '\n', 'A'});
    }

    /** The byte offset where the {@code chars}-th decoded character starts. */
    private static int byteOffset(byte[] bytes, Charset charset, int chars) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        strict(charset).decode(in, CharBuffer.allocate(chars), true);
        return in.position();
    }

    private static String hex(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = offset; i < Math.min(bytes.length, offset + Math.min(length, 4)); i++) {
            out.append(out.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", bytes[i] & 0xFF));
        }
        return out.toString();
    }

    private record Marker(String reason, boolean hasStatements, int line) {
    }

    private static Marker marker(String text) {
        List<String> lines = text.lines().toList();
        String reason = null;
        int markerLine = 0;
        boolean statements = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher matcher = MARKER.matcher(line);
            if (matcher.matches() && reason == null) {
                reason = matcher.group(1).isBlank() ? "(no reason given)" : matcher.group(1).strip();
                markerLine = i + 1;
            } else if (!line.isEmpty() && !line.startsWith("--")) {
                statements = true;
            }
        }
        return new Marker(reason, statements, markerLine);
    }
}
