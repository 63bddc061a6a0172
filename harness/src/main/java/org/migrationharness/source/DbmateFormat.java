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
 * dbmate's layout: one file per migration whose name starts with its version ({@code 20240101120000_add_phone.sql};
 * dbmate takes the leading digits, as text), holding a {@code -- migrate:up} section and a {@code -- migrate:down}
 * section, in that order, nothing but comments before the first. Options follow the marker on its line
 * ({@code -- migrate:up transaction:false}). The markers are case-sensitive; a {@code -- migrate:} line that is
 * neither (a misspelling such as {@code -- migrate:upp}) is a {@code naming.file} error with its line, as is a file
 * dbmate refuses (no up or down marker, the down first). The tool keeps {@code schema_migrations(version)} (or
 * {@code history-table:}).
 */
public final class DbmateFormat implements MigrationFormat {

    /** The format's id. */
    public static final String ID = "dbmate";

    /** dbmate's default table. */
    public static final String DEFAULT_TABLE = "schema_migrations";

    /** dbmate's file name: leading digits, then anything, then .sql. */
    private static final Pattern FILE = Pattern.compile("([0-9]+)(.*)\\.sql");
    /** A section marker as dbmate recognises it, with its options. */
    private static final Pattern MARKER = Pattern.compile("--\\s*migrate:(up|down)(?:\\s+(.*))?\\s*");
    /** Anything that looks like a marker. */
    private static final Pattern LIKE_MARKER = Pattern.compile("\\s*--\\s*migrate\\s*:.*", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return ID;
    }

    /** The {@code .sql} files with a {@code -- migrate:up} line: only dbmate writes that. */
    @Override
    public List<Path> evidence(Path migrations, List<Path> files) {
        return files.stream().filter(f -> f.getFileName().toString().endsWith(".sql") && hasUpMarker(f)).toList();
    }

    private static boolean hasUpMarker(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return text.lines().limit(200).anyMatch(l -> {
                Matcher matcher = MARKER.matcher(l);
                return matcher.matches() && matcher.group(1).equals("up");
            });
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
        return "the statements that reverse it under '-- migrate:down' in " + migration.up().fileName();
    }

    /** Whether the section's marker line says {@code transaction:false}. */
    public static boolean transactionFalse(Script script, List<String> fileLines) {
        int marker = script.firstLine() - 1;
        if (marker < 1 || marker > fileLines.size()) {
            return false;
        }
        Matcher matcher = MARKER.matcher(fileLines.get(marker - 1));
        if (!matcher.matches() || matcher.group(2) == null) {
            return false;
        }
        for (String option : matcher.group(2).strip().split("\\s+")) {
            String[] pair = option.split(":", -1);
            if (pair.length == 2 && pair[0].equals("transaction") && pair[1].equals("false")) {
                return true;
            }
        }
        return false;
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
            Matcher matcher = FILE.matcher(fileName);
            if (!file.getParent().equals(migrations)) {
                problems.add(new Finding(CheckId.NAMING_FILE.id(), matcher.matches() ? Severity.ERROR : Severity.WARNING,
                        null, DisplayPath.of(file), null, DisplayPath.of(migrations.relativize(file)) + ": dbmate reads"
                        + " only the files of the folder itself and ignores this one.\nMove it up into "
                        + DisplayPath.of(migrations) + ", or out of the migrations folder."));
            } else if (matcher.matches()) {
                MigrationVersion version = MigrationVersion.of(matcher.group(1));
                Path previous = byVersion.putIfAbsent(version, file);
                if (previous != null) {
                    problems.add(new Finding(CheckId.ORDER_DUPLICATE_VERSION.id(), Severity.ERROR, version.text(),
                            DisplayPath.of(file), null, previous.getFileName() + " and " + fileName + " share version "
                            + version + ": dbmate records one row per version, so it would apply only one of them."
                            + "\nGive one of them a version of its own."));
                }
            } else {
                boolean sql = fileName.toLowerCase(Locale.ROOT).endsWith(".sql");
                problems.add(new Finding(CheckId.NAMING_FILE.id(), sql ? Severity.ERROR : Severity.WARNING, null,
                        DisplayPath.of(file), null, fileName + (sql ? ": dbmate skips files whose name does not start"
                        + " with the version and end in '.sql', so this one would never run.\nRename it, e.g."
                        + " 20240101120000_create_users.sql." : ": not a migration; dbmate ignores it.\nMove it out"
                        + " of the migrations folder.")));
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

    private static Migration parse(MigrationVersion version, Path file, String text, List<Finding> problems) {
        String fileName = file.getFileName().toString();
        List<String> lines = text.lines().toList();
        int up = 0;
        int down = 0;
        int before = problems.size();
        for (int i = 0; i < lines.size() && problems.size() == before; i++) { // the first problem of a file
            int line = i + 1;
            String content = lines.get(i);
            Matcher marker = MARKER.matcher(content);
            if (marker.matches()) {
                if (marker.group(1).equals("up")) {
                    if (up != 0) {
                        problems.add(bad(version, file, line, fileName + " line " + line + ": a second"
                                + " '-- migrate:up' (the first is on line " + up + "); dbmate would run everything"
                                + " after the first as the up section.\nKeep one."));
                    } else {
                        up = line;
                    }
                } else if (down != 0) {
                    problems.add(bad(version, file, line, fileName + " line " + line + ": a second '-- migrate:down'"
                            + " (the first is on line " + down + ").\nKeep one."));
                } else {
                    down = line;
                }
            } else if (LIKE_MARKER.matcher(content).matches()) {
                problems.add(bad(version, file, line, fileName + " line " + line + ": '" + content.strip()
                        + "' is not a dbmate marker (dbmate knows '-- migrate:up' and '-- migrate:down', lower case,"
                        + " at the start of the line), so dbmate reads it as a comment" + hint(content)
                        + ".\nWrite '-- migrate:up' or '-- migrate:down'."));
            } else if (up == 0 && down == 0 && !content.isBlank() && !content.strip().startsWith("--")
                    && problems.size() == before) {
                problems.add(bad(version, file, line, fileName + " line " + line + ": a statement before"
                        + " '-- migrate:up'; dbmate refuses the file.\nMove it below the '-- migrate:up' line."));
            }
        }
        if (problems.size() == before) {
            if (up == 0) {
                problems.add(bad(version, file, 1, fileName + " has no '-- migrate:up' line; dbmate refuses the file."
                        + "\nAdd '-- migrate:up' above its statements."));
            } else if (down == 0) {
                problems.add(bad(version, file, lines.size(), fileName + " has no '-- migrate:down' line; dbmate"
                        + " refuses the file.\nAdd '-- migrate:down' after the up statements, followed by the statements"
                        + " that reverse them."));
            } else if (down < up) {
                problems.add(bad(version, file, down, fileName + " line " + down + ": '-- migrate:down' comes before"
                        + " '-- migrate:up' (line " + up + "); dbmate refuses the file.\nPut the up section first."));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        Script upScript = section(file, lines, up, down, "up");
        Script downScript = section(file, lines, down, lines.size() + 1, "down");
        // an empty down section reverses nothing: down.missing
        IrreversibleMarker.Down read = IrreversibleMarker.read(downScript, version, downScript.label(), true, problems);
        Matcher matcher = FILE.matcher(fileName);
        String description = matcher.matches() ? matcher.group(2).replaceFirst("^[_-]", "") : "";
        return new Migration(version, description, upScript, read.script(), read.irreversibleReason());
    }

    private static Script section(Path file, List<String> lines, int marker, int end, String direction) {
        String text = String.join("\n", lines.subList(marker, end - 1));
        return new Script(file, marker + 1, file.getFileName() + " (" + direction + ")", text.isEmpty() ? "" : text + "\n");
    }

    private static String hint(String line) {
        String lower = line.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        if (lower.startsWith("--migrate:up") || lower.startsWith("--migrate:u")) {
            return " (did you mean '-- migrate:up'?)";
        }
        if (lower.startsWith("--migrate:d")) {
            return " (did you mean '-- migrate:down'?)";
        }
        return "";
    }

    private static Finding bad(MigrationVersion version, Path file, int line, String message) {
        return new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, version.text(), DisplayPath.of(file), line, message);
    }
}
