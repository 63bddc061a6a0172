package org.migrationharness.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * The platform's shared Go migration package ({@code backend-core/database/migration}, described in the platform's
 * {@code shared-go-migration-package.md}): one file per migration, {@code NNN_name.sql}, holding an
 * {@code -- +++++ UP} section and then an {@code -- +++++ DOWN} section. As the package's loader does, every
 * {@code .sql} file under the folder is a migration; the version is the number before the first {@code _} read as
 * an integer ({@code 003} is 3); the markers are found exactly as written (case-sensitive, five {@code +}); a file
 * without both markers, with DOWN before UP, or with an empty UP section makes the package refuse the folder, so the
 * harness reports it ({@code naming.file}, with the line), and so is a line that looks like a marker but is not one
 * ({@code -- ++++ UP}, {@code -- +++++ up}): the package would take it for a comment. An empty DOWN section (the
 * package refuses it too) is {@code down.missing}. A section's {@link Script#firstLine()} is the line after its
 * marker; its label is {@code 003_add_phone.sql (UP)}.
 *
 * <p>The package keeps {@code schema_migrations} ({@code migration.table_name}, here {@code history-table:}), one row
 * per applied migration: {@code version, name, checksum, applied_at}; with {@code checksum_validation} the checksum is
 * the SHA-256 (hex) of the whole file, so an applied file must not change (see the runner).
 */
public final class SectionedFormat implements MigrationFormat {

    /** The format's id. */
    public static final String ID = "sectioned";

    /** The package's default {@code migration.table_name}. */
    public static final String DEFAULT_TABLE = "schema_migrations";

    /** The markers, exactly as the package searches for them. */
    public static final String UP_MARKER = "-- +++++ UP";
    public static final String DOWN_MARKER = "-- +++++ DOWN";

    private static final Pattern FILE = Pattern.compile("([0-9]+)_(.+)\\.sql");
    /** A line that means to be a marker: dashes, some '+', up or down in any case. */
    private static final Pattern MARKER_LIKE = Pattern.compile("(?i)^\\s*--\\s*\\+{2,}\\s*(up|down)\\b.*$");
    /** Evidence: a file named {@code NNN_name.sql} (not golang-migrate's .up.sql/.down.sql) holding a marker. */
    private static final Pattern EVIDENCE_NAME = Pattern.compile("[0-9]+_[^.]+\\.sql");
    private static final Pattern TIMESTAMPED = Pattern.compile("[0-9]{8}_[0-9]{3}_.*");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Path> evidence(Path migrations, List<Path> files) {
        return files.stream().filter(f -> {
            String name = f.getFileName().toString();
            if (!EVIDENCE_NAME.matcher(name).matches() || TIMESTAMPED.matcher(name).matches()) {
                return false;
            }
            try {
                String text = Files.readString(f);
                return text.contains(UP_MARKER) || text.contains(DOWN_MARKER);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }).toList();
    }

    @Override
    public Set<String> bookkeepingTables(ServiceConfig config) {
        return Set.of(config.historyTableOr(DEFAULT_TABLE));
    }

    @Override
    public String missingDown(Migration migration) {
        return "statements under '" + DOWN_MARKER + "' in " + migration.up().fileName();
    }

    @Override
    public MigrationSet read(Path migrations, String name, ServiceConfig config, List<Path> files) {
        List<Finding> problems = new ArrayList<>();
        Map<MigrationVersion, Path> byVersion = new TreeMap<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            if (file.getParent().equals(migrations) && fileName.equals(ServiceConfig.FILE_NAME)) {
                continue;
            }
            if (!fileName.endsWith(".sql")) {
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.WARNING, null, DisplayPath.of(file), null,
                        fileName + ": not a migration; the shared migration package reads only .sql files and ignores"
                        + " it.\nMove it out of the migrations folder."));
                continue;
            }
            Matcher matcher = FILE.matcher(fileName);
            if (!matcher.matches()) {
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, null, DisplayPath.of(file), null,
                        fileName + ": the shared migration package reads every .sql file and refuses the folder when"
                        + " one is not named {number}_{name}.sql (invalid migration filename).\nRename it, e.g."
                        + " 001_create_users.sql, or move it out of the migrations folder."));
                continue;
            }
            MigrationVersion version = MigrationVersion.of(new java.math.BigInteger(matcher.group(1)).toString());
            Path previous = byVersion.putIfAbsent(version, file);
            if (previous != null) {
                problems.add(new Finding(CheckId.ORDER_DUPLICATE_VERSION.id(), Severity.ERROR, version.text(),
                        DisplayPath.of(file), null, DisplayPath.of(migrations.relativize(previous)) + " and "
                        + DisplayPath.of(migrations.relativize(file)) + " share version " + version + ": the shared"
                        + " migration package would record only one of them in its table.\nGive one of them a number"
                        + " of its own."));
            }
        }
        Map<Path, String> texts = ScriptFiles.read(migrations, new ArrayList<>(byVersion.values()), config);
        List<Migration> result = new ArrayList<>();
        for (Map.Entry<MigrationVersion, Path> entry : byVersion.entrySet()) {
            Migration migration = sections(entry.getKey(), entry.getValue(), texts.get(entry.getValue()), problems);
            if (migration != null) {
                result.add(migration);
            }
        }
        return new MigrationSet(name, migrations, ID, config, result, List.of(), problems);
    }

    /** The migration of one file, or null (with the problem) when the package would refuse the file. */
    private static Migration sections(MigrationVersion version, Path file, String text, List<Finding> problems) {
        String fileName = file.getFileName().toString();
        List<String> lines = text.lines().toList();
        int up = 0;
        int down = 0;
        boolean wrong = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean exactUp = line.contains(UP_MARKER);
            boolean exactDown = line.contains(DOWN_MARKER);
            if (exactUp && up == 0) {
                up = i + 1;
            } else if (exactDown && down == 0) {
                down = i + 1;
            } else if (!exactUp && !exactDown && MARKER_LIKE.matcher(line).matches()) {
                String intended = line.toUpperCase(java.util.Locale.ROOT).contains("UP") ? UP_MARKER : DOWN_MARKER;
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, version.text(),
                        DisplayPath.of(file), i + 1, fileName + " line " + (i + 1) + ": expected the marker '"
                        + intended + "', found '" + line.strip() + "'. The shared migration package looks for the"
                        + " markers exactly (five '+', upper case) and would take this line for a comment.\nWrite it"
                        + " as '" + intended + "'."));
                wrong = true;
            }
        }
        if (up == 0 || down == 0) {
            problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, version.text(), DisplayPath.of(file),
                    null, fileName + ": expected both '" + UP_MARKER + "' and '" + DOWN_MARKER + "', found "
                    + (up == 0 && down == 0 ? "neither" : up == 0 ? "no UP marker" : "no DOWN marker")
                    + ": the shared migration package refuses the file (migration marker not found).\nAdd the missing"
                    + " marker on a line of its own."));
            return null;
        }
        if (down < up) {
            problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, version.text(), DisplayPath.of(file),
                    down, fileName + " line " + down + ": the DOWN marker comes before the UP marker (line " + up
                    + "); the shared migration package refuses the file.\nPut the UP section first."));
            return null;
        }
        String upText = String.join("\n", lines.subList(up, down - 1)) + "\n";
        String downText = down < lines.size() ? String.join("\n", lines.subList(down, lines.size())) + "\n" : "";
        if (IrreversibleMarker.empty(upText)) {
            problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, version.text(), DisplayPath.of(file),
                    up, fileName + " line " + up + ": the UP section is empty; the shared migration package refuses"
                    + " the file (up migration is empty).\nWrite the migration's statements under the marker."));
            return null;
        }
        if (wrong) {
            // the section boundaries the package would see are not the ones the author meant: do not run it
            return null;
        }
        Matcher matcher = FILE.matcher(fileName);
        String description = matcher.matches() ? matcher.group(2) : "";
        Script upScript = new Script(file, up + 1, fileName + " (UP)", upText);
        Script downScript = new Script(file, down + 1, fileName + " (DOWN)", downText);
        // an empty DOWN section reverses nothing: down.missing
        IrreversibleMarker.Down read = IrreversibleMarker.read(downScript, version, downScript.label(), true, problems);
        return new Migration(version, description, upScript, read.script(), read.irreversibleReason());
    }

    @Override
    public boolean checksumsAppliedScripts() {
        return true;
    }
}
