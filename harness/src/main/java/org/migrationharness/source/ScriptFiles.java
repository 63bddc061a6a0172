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

import org.migrationharness.CheckId;
import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.internal.Settings;
import org.migrationharness.source.naming.FileNaming;
import org.migrationharness.source.naming.ScriptName;

/**
 * The files of a migrations folder and their text, for every format: the folder is walked as the migration tools
 * walk it (symbolic links followed, hidden files and folders left out; a link back into a folder that contains it is
 * an input error), and each script is decoded strictly in the set's encoding ({@code encoding:} in
 * {@code harness.yaml}, UTF-8 by default): a binary file, or one that is not valid in that encoding, is an input
 * error naming the file, the byte offset and the line.
 */
public final class ScriptFiles {

    private ScriptFiles() {
    }

    /**
     * The text of each script, decoded strictly.
     *
     * @throws HarnessException with {@link ErrorCode#INPUT} listing every script that cannot be read
     */
    public static Map<Path, String> read(Path migrations, List<Path> scripts, ServiceConfig config) {
        return read(migrations, scripts, config, Map.of());
    }

    /**
     * The text of each script, decoded strictly: in its own encoding where {@code encodings} names one (Flyway's
     * {@code encoding=} in a script's {@code .sql.conf}), else in the set's.
     *
     * @throws HarnessException with {@link ErrorCode#INPUT} listing every script that cannot be read
     */
    public static Map<Path, String> read(Path migrations, List<Path> scripts, ServiceConfig config,
                                         Map<Path, Charset> encodings) {
        List<Unreadable> unreadable = new ArrayList<>();
        Map<Path, String> texts = new TreeMap<>();
        for (Path file : scripts) {
            ScriptText script = decode(file, config, encodings.getOrDefault(file, config.encoding()));
            if (script.problem() != null) {
                unreadable.add(script.problem());
            } else {
                texts.put(file, script.text());
            }
        }
        if (!unreadable.isEmpty()) {
            throw unreadable(migrations, unreadable);
        }
        return texts;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every regular file under the folder, by relative path. Symbolic links are followed, as Flyway follows them;
     * hidden files and folders are left out (Flyway skips hidden folders, and no migration name starts with a dot).
     */
    public static List<Path> list(Path migrations) {
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
    private static ScriptText decode(Path file, ServiceConfig config, Charset charset) {
        String whose = charset.equals(config.encoding()) ? " (the set's encoding)"
                : " (the encoding its " + file.getFileName() + ".conf names)";
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
                    + whose + ": expected " + name + " text, found the UTF-16 byte order mark "
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
                    + whose + ": expected " + name + " text, found " + (result.length() == 1 ? "the byte "
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

}
