package org.migrationharness.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;

/**
 * pressly/goose's SQL layout: one file {@code {version}_{name}.sql} per migration (the version an integer, often a
 * timestamp such as {@code 20240101120000}), its up and down in sections opened by the annotations
 * {@code -- +goose Up} and {@code -- +goose Down}. Annotations are read as goose reads them: a line that starts with
 * {@code --} (no leading whitespace) followed by {@code +goose} and one of {@code Up}, {@code Down},
 * {@code StatementBegin}, {@code StatementEnd}, {@code NO TRANSACTION}, {@code ENVSUB ON}, {@code ENVSUB OFF}, case
 * not significant; any other {@code +goose} word is an error for goose ({@code unknown annotation}) and a
 * {@code naming.file} error here, with the line. goose reads only the folder itself; {@code .go} migrations are Go
 * code the harness cannot run. The tool keeps {@code goose_db_version} (or {@code history-table:}).
 */
public final class GooseFormat implements MigrationFormat {

    /** The format's id. */
    public static final String ID = "goose";

    /** goose's default table. */
    public static final String DEFAULT_TABLE = "goose_db_version";

    private static final Pattern SQL_FILE = Pattern.compile("([0-9]+)_(.+)\\.sql");
    private static final Pattern GO_FILE = Pattern.compile("([0-9]+)_(.+)\\.go");
    /** A {@code -- +goose ...} line, as goose recognises it: {@code --} at the very start of the line. */
    private static final Pattern ANNOTATION = Pattern.compile("--\\s*\\+goose\\b\\s*(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INDENTED_ANNOTATION = Pattern.compile("\\s+--\\s*\\+goose\\b.*", Pattern.CASE_INSENSITIVE);

    /** The annotations goose knows. */
    public enum Annotation {
        UP("Up"), DOWN("Down"), STATEMENT_BEGIN("StatementBegin"), STATEMENT_END("StatementEnd"),
        NO_TRANSACTION("NO TRANSACTION"), ENVSUB_ON("ENVSUB ON"), ENVSUB_OFF("ENVSUB OFF");

        private final String spelling;

        Annotation(String spelling) {
            this.spelling = spelling;
        }

        /** As goose's documentation writes it: {@code -- +goose StatementBegin}. */
        public String written() {
            return "-- +goose " + spelling;
        }

        /** The annotation a line holds, null for none or an unknown one (see {@link #unknown(String)}). */
        public static Annotation of(String line) {
            Matcher matcher = ANNOTATION.matcher(line);
            if (!matcher.matches()) {
                return null;
            }
            String word = matcher.group(1).strip().replaceAll("\\s+", " ");
            for (Annotation annotation : values()) {
                if (annotation.spelling.equalsIgnoreCase(word)) {
                    return annotation;
                }
            }
            return null;
        }

        /** Whether the line is a {@code -- +goose} annotation goose does not know ({@code -- +goose Upp}). */
        public static boolean unknown(String line) {
            return ANNOTATION.matcher(line).matches() && of(line) == null;
        }
    }

    @Override
    public String id() {
        return ID;
    }

    /** The {@code .sql} files that open a section with {@code -- +goose Up}: only goose writes that. */
    @Override
    public List<Path> evidence(Path migrations, List<Path> files) {
        return files.stream().filter(f -> f.getFileName().toString().endsWith(".sql") && hasUpAnnotation(f)).toList();
    }

    private static boolean hasUpAnnotation(Path file) {
        try {
            // ISO-8859-1 maps every byte: the annotation is ASCII whatever the set's encoding
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return text.lines().limit(200).anyMatch(l -> Annotation.of(l) == Annotation.UP);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Set<String> bookkeepingTables(ServiceConfig config) {
        return Set.of(config.historyTableOr(DEFAULT_TABLE));
    }

    @Override
    public String missingDown(Migration migration) {
        return "a '-- +goose Down' section with the statements that reverse it to " + migration.up().fileName();
    }

    @Override
    public MigrationSet read(Path migrations, String name, ServiceConfig config, List<Path> files) {
        List<Finding> problems = new ArrayList<>();
        Map<MigrationVersion, Path> byVersion = new TreeMap<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            if (fileName.equals(ServiceConfig.FILE_NAME) || fileName.equals("dependencies.json")) {
                continue;
            }
            Matcher sql = SQL_FILE.matcher(fileName);
            Matcher go = GO_FILE.matcher(fileName);
            if (!file.getParent().equals(migrations)) {
                boolean migration = sql.matches() || go.matches();
                problems.add(new Finding(CheckId.NAMING_FILE.id(), migration ? Severity.ERROR : Severity.WARNING, null,
                        DisplayPath.of(file), null, DisplayPath.of(migrations.relativize(file)) + ": goose reads only"
                        + " the files of the folder itself and ignores this one.\nMove it up into "
                        + DisplayPath.of(migrations) + ", or out of the migrations folder."));
            } else if (sql.matches()) {
                MigrationVersion version = MigrationVersion.of(String.valueOf(Long.parseLong(sql.group(1))));
                Path previous = byVersion.putIfAbsent(version, file);
                if (previous != null) {
                    problems.add(duplicate(version, previous, file));
                }
            } else if (go.matches() && !fileName.endsWith("_test.go")) {
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, null, DisplayPath.of(file), null,
                        fileName + " is a Go migration: goose runs it only when compiled into a binary, and the harness"
                        + " runs SQL migrations only, so migration " + Long.parseLong(go.group(1)) + " is not verified"
                        + " (the other migrations still run without it).\nWrite it as " + go.group(1) + "_"
                        + go.group(2) + ".sql with '-- +goose Up' and '-- +goose Down' sections to have it verified."));
            } else if (fileName.toLowerCase(Locale.ROOT).endsWith(".sql")) {
                String hint = !fileName.endsWith(".sql") ? " (the extension is '.sql', lower case)"
                        : fileName.matches("[0-9]+-.*") ? " (the version is followed by '_', not '-')"
                        : " (it needs a numeric version and '_' first)";
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, null, DisplayPath.of(file), null,
                        fileName + ": goose refuses SQL files not named {version}_{name}.sql" + hint
                        + ".\nRename it, e.g. 20240101120000_create_users.sql."));
            } else if (!fileName.endsWith(".go")) {
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.WARNING, null, DisplayPath.of(file), null,
                        fileName + ": not a migration; goose ignores it.\nMove it out of the migrations folder."));
            }
        }
        Map<Path, String> texts = ScriptFiles.read(migrations, List.copyOf(byVersion.values()), config);
        List<Migration> result = new ArrayList<>();
        for (Map.Entry<MigrationVersion, Path> entry : byVersion.entrySet()) {
            Migration migration = parse(entry.getKey(), entry.getValue(), texts.get(entry.getValue()), problems);
            if (migration != null) {
                result.add(migration);
            }
        }
        return new MigrationSet(name, migrations, ID, config, result, List.of(), problems);
    }

    private static Finding duplicate(MigrationVersion version, Path previous, Path file) {
        return new Finding(CheckId.ORDER_DUPLICATE_VERSION.id(), Severity.ERROR, version.text(), DisplayPath.of(file),
                null, previous.getFileName() + " and " + file.getFileName() + " share version " + version
                + ": goose refuses to run the folder (duplicate version).\nGive one of them a version of its own.");
    }

    /** One file read as goose's parser reads it; null (and findings) when goose would refuse it. */
    private static Migration parse(MigrationVersion version, Path file, String text, List<Finding> problems) {
        String fileName = file.getFileName().toString();
        List<String> lines = text.lines().toList();
        int up = 0;
        int down = 0;
        int begin = 0;
        int before = problems.size();
        for (int i = 0; i < lines.size() && problems.size() == before; i++) { // goose stops at the first
            int line = i + 1;
            String content = lines.get(i);
            Annotation annotation = Annotation.of(content);
            if (Annotation.unknown(content)) {
                problems.add(bad(version, file, line, fileName + " line " + line + ": '" + content.strip()
                        + "' is not a goose annotation; goose stops with 'unknown annotation'" + suggestion(content)
                        + ".\nWrite one of " + known() + "."));
                continue;
            }
            if (INDENTED_ANNOTATION.matcher(content).matches()) {
                problems.add(bad(version, file, line, fileName + " line " + line + ": '" + content.strip()
                        + "' is indented, so goose reads it as a plain comment, not as an annotation."
                        + "\nStart the line with '--', without leading whitespace."));
                continue;
            }
            if (annotation == null) {
                String stripped = content.strip();
                if (up == 0 && !stripped.isEmpty() && !stripped.startsWith("--") && problems.size() == before) {
                    problems.add(bad(version, file, line, fileName + " line " + line + ": a statement before"
                            + " '-- +goose Up'; goose refuses the file.\nMove it below the '-- +goose Up' line."));
                }
                continue;
            }
            switch (annotation) {
                case UP -> {
                    if (up != 0) {
                        problems.add(bad(version, file, line, fileName + " line " + line + ": a second '-- +goose Up'"
                                + " (the first is on line " + up + "); goose refuses the file.\nKeep one."));
                    } else {
                        up = line;
                    }
                }
                case DOWN -> {
                    if (up == 0 || down != 0) {
                        problems.add(bad(version, file, line, fileName + " line " + line + ": '-- +goose Down' must"
                                + " come once, after '-- +goose Up'; goose refuses the file.\nPut the up section first."));
                    } else if (begin != 0) {
                        problems.add(unclosed(version, file, begin));
                        begin = 0;
                        down = line;
                    } else {
                        down = line;
                    }
                }
                case STATEMENT_BEGIN -> {
                    if (up == 0) {
                        problems.add(bad(version, file, line, fileName + " line " + line + ": '-- +goose"
                                + " StatementBegin' before '-- +goose Up'; goose refuses the file.\nMove it into a section."));
                    } else if (begin != 0) {
                        problems.add(unclosed(version, file, begin));
                        begin = line;
                    } else {
                        begin = line;
                    }
                }
                case STATEMENT_END -> {
                    if (begin == 0) {
                        problems.add(bad(version, file, line, fileName + " line " + line + ": '-- +goose StatementEnd'"
                                + " without a '-- +goose StatementBegin' before it; goose refuses the file."
                                + "\nAdd '-- +goose StatementBegin' above the statement, or remove this line."));
                    }
                    begin = 0;
                }
                default -> {
                    // NO TRANSACTION and ENVSUB ON/OFF: read by the runner
                }
            }
        }
        if (begin != 0 && problems.size() == before) {
            problems.add(unclosed(version, file, begin));
        }
        if (up == 0 && problems.size() == before) {
            problems.add(bad(version, file, 1, fileName + " has no '-- +goose Up' annotation; goose refuses the file"
                    + " (every migration starts with one).\nAdd '-- +goose Up' above its statements."));
        }
        if (problems.size() > before) {
            return null;
        }
        Script upScript = section(file, lines, up, down == 0 ? lines.size() + 1 : down, "up");
        Script downScript = down == 0 ? null : section(file, lines, down, lines.size() + 1, "down");
        // an empty down section reverses nothing: down.missing
        IrreversibleMarker.Down read = IrreversibleMarker.read(downScript, version,
                downScript == null ? null : downScript.label(), true, problems);
        Matcher matcher = SQL_FILE.matcher(fileName);
        return new Migration(version, matcher.matches() ? matcher.group(2) : "", upScript, read.script(),
                read.irreversibleReason());
    }

    /** The lines strictly between the marker line and {@code end} (1-based), starting on the line after the marker. */
    private static Script section(Path file, List<String> lines, int marker, int end, String direction) {
        String text = String.join("\n", lines.subList(marker, end - 1));
        return new Script(file, marker + 1, file.getFileName() + " (" + direction + ")", text.isEmpty() ? "" : text + "\n");
    }

    private static Finding unclosed(MigrationVersion version, Path file, int begin) {
        return bad(version, file, begin, file.getFileName() + " line " + begin + ": '-- +goose StatementBegin' is"
                + " never closed by '-- +goose StatementEnd'; goose refuses the file.\nAdd '-- +goose StatementEnd'"
                + " on the line after the statement's end.");
    }

    private static Finding bad(MigrationVersion version, Path file, int line, String message) {
        return new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, version.text(), DisplayPath.of(file), line, message);
    }

    private static String known() {
        List<String> written = new ArrayList<>();
        for (Annotation annotation : Annotation.values()) {
            written.add("'" + annotation.written() + "'");
        }
        return String.join(", ", written);
    }

    /** The known annotation an unknown one is closest to: {@code Upp} is {@code Up}, {@code Dwon} is {@code Down}. */
    private static String suggestion(String line) {
        Matcher matcher = ANNOTATION.matcher(line);
        if (!matcher.matches()) {
            return "";
        }
        String word = matcher.group(1).strip().toLowerCase(Locale.ROOT);
        Annotation best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Annotation annotation : Annotation.values()) {
            int distance = distance(word, annotation.spelling.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = annotation;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= 3 ? " (did you mean '" + best.written() + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
