package org.migrationharness.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.migrationharness.CheckId;
import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;

/**
 * The platform's timestamped SQL scripts (described in the platform's {@code timestamped-sql-scripts.md}):
 * {@code {timestamp}_{service}_{description}.sql}, the timestamp {@code yyyymmdd_nnn} ({@code 20240101_001}), in the
 * {@code schema/} and {@code data/} sub-folders of the migrations folder, each rolled back by the script of the same
 * file name in {@code rollback/}. {@code seeds/} holds seed scripts, not migrations: it is not read.
 *
 * <p>The version is the timestamp as the team writes it, {@code 20240101_001}: a {@link MigrationVersion} whose two
 * parts compare as numbers, so versions sort exactly as the timestamps do (the day, then the three-digit sequence).
 * A migration names the migrations it depends on in its header ({@code -- Dependencies: 20240101_001, ...}) and in
 * {@code migration-dependencies.yml} ({@code migrations: [{version, service, dependencies: [...]}]}); the scripts run
 * in timestamp order, so a dependency on a migration that does not exist, or that comes later, is a
 * {@code naming.file} finding naming both. A rollback without its migration is {@code naming.file}; a migration
 * without a rollback (or with an empty one) is {@code down.missing}; two scripts with one timestamp are
 * {@code order.duplicate-version}. The scripts have no tool of their own that keeps a table ({@code psql -f}), so
 * the harness keeps {@code harness_timestamped_migrations} (or {@code history-table:}).
 */
public final class TimestampedFormat implements MigrationFormat {

    /** The format's id. */
    public static final String ID = "timestamped";

    /** The harness's table of applied scripts. */
    public static final String DEFAULT_TABLE = "harness_timestamped_migrations";

    /** The dependencies file at the top of the migrations folder. */
    public static final String DEPENDENCIES_FILE = "migration-dependencies.yml";

    private static final Set<String> FORWARD = Set.of("schema", "data");
    private static final String ROLLBACK = "rollback";
    private static final Pattern FILE = Pattern.compile("([0-9]{8}_[0-9]{3})_([a-z0-9-]+)_(.+)\\.sql");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{8}_[0-9]{3}");
    private static final Pattern DEPENDENCIES = Pattern.compile("(?i)^\\s*--\\s*Dependencies\\s*:(.*)$");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Path> evidence(Path migrations, List<Path> files) {
        return files.stream().filter(f -> {
            Path relative = migrations.relativize(f);
            return relative.getNameCount() == 2 && (FORWARD.contains(relative.getName(0).toString())
                    || relative.getName(0).toString().equals(ROLLBACK))
                    && FILE.matcher(f.getFileName().toString()).matches();
        }).toList();
    }

    @Override
    public Set<String> bookkeepingTables(ServiceConfig config) {
        return Set.of(config.historyTableOr(DEFAULT_TABLE));
    }

    @Override
    public String missingDown(Migration migration) {
        return "rollback/" + migration.up().fileName();
    }

    @Override
    public MigrationSet read(Path migrations, String name, ServiceConfig config, List<Path> files) {
        List<Finding> problems = new ArrayList<>();
        Map<MigrationVersion, Path> forward = new TreeMap<>();
        Map<String, Path> rollbacks = new TreeMap<>();
        Path dependencies = null;
        for (Path file : files) {
            Path relative = migrations.relativize(file);
            String fileName = file.getFileName().toString();
            String folder = relative.getNameCount() == 2 ? relative.getName(0).toString() : null;
            if (relative.getNameCount() == 1 && fileName.equals(ServiceConfig.FILE_NAME)) {
                continue;
            }
            if (relative.getNameCount() == 1 && fileName.equals(DEPENDENCIES_FILE)) {
                dependencies = file;
                continue;
            }
            if (relative.getName(0).toString().equals("seeds")) {
                continue;
            }
            Matcher matcher = FILE.matcher(fileName);
            if (folder != null && (FORWARD.contains(folder) || folder.equals(ROLLBACK)) && matcher.matches()) {
                if (folder.equals(ROLLBACK)) {
                    rollbacks.put(fileName, file);
                    continue;
                }
                MigrationVersion version = MigrationVersion.of(matcher.group(1));
                Path previous = forward.putIfAbsent(version, file);
                if (previous != null) {
                    problems.add(new Finding(CheckId.ORDER_DUPLICATE_VERSION.id(), Severity.ERROR, version.text(),
                            DisplayPath.of(file), null, DisplayPath.of(migrations.relativize(previous)) + " and "
                            + DisplayPath.of(relative) + " share timestamp " + version + ": the order in which they"
                            + " run, and which one a rollback or a dependency means, is not defined.\nGive one of them"
                            + " the next free timestamp."));
                }
            } else if (fileName.endsWith(".sql")) {
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, null, DisplayPath.of(file), null,
                        DisplayPath.of(relative) + ": expected schema/, data/ or rollback/"
                        + "{timestamp}_{service}_{description}.sql (e.g. schema/20240101_001_auth_create_users_table"
                        + ".sql), so this script would never run.\nRename or move it."));
            } else {
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.WARNING, null, DisplayPath.of(file), null,
                        DisplayPath.of(relative) + ": not a migration script.\nMove it out of the migrations folder."));
            }
        }
        List<Path> scripts = new ArrayList<>(forward.values());
        Map<String, Path> byFileName = new LinkedHashMap<>();
        forward.values().forEach(p -> byFileName.put(p.getFileName().toString(), p));
        for (Map.Entry<String, Path> rollback : rollbacks.entrySet()) {
            if (byFileName.containsKey(rollback.getKey())) {
                scripts.add(rollback.getValue());
            } else {
                Matcher matcher = FILE.matcher(rollback.getKey());
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR,
                        matcher.matches() ? matcher.group(1) : null, DisplayPath.of(rollback.getValue()), null,
                        "rollback/" + rollback.getKey() + " rolls back no migration: there is no schema/"
                        + rollback.getKey() + " or data/" + rollback.getKey() + ".\nRename it to the file name of"
                        + " the migration it rolls back, or delete it."));
            }
        }
        Map<Path, String> texts = ScriptFiles.read(migrations, scripts, config);
        List<Migration> result = new ArrayList<>();
        for (Map.Entry<MigrationVersion, Path> entry : forward.entrySet()) {
            Path up = entry.getValue();
            String fileName = up.getFileName().toString();
            MigrationVersion version = entry.getKey();
            Path down = rollbacks.get(fileName);
            IrreversibleMarker.Down read = IrreversibleMarker.read(down == null ? null
                    : new Script(down, 1, "rollback/" + fileName, texts.get(down)), version, "rollback/" + fileName, true,
                    problems);
            Matcher matcher = FILE.matcher(fileName);
            String description = matcher.matches() ? matcher.group(2) + "_" + matcher.group(3) : "";
            String folder = migrations.relativize(up).getName(0).toString();
            result.add(new Migration(version, description, new Script(up, 1, folder + "/" + fileName, texts.get(up)),
                    read.script(), read.irreversibleReason()));
            headerDependencies(migrations, version, up, texts.get(up), forward, problems);
        }
        if (dependencies != null) {
            fileDependencies(migrations, dependencies, forward, problems);
        }
        return new MigrationSet(name, migrations, ID, config, result, List.of(), problems);
    }

    /** The {@code -- Dependencies:} line of a script's header. */
    private static void headerDependencies(Path migrations, MigrationVersion version, Path file, String text,
                                           Map<MigrationVersion, Path> forward, List<Finding> problems) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = DEPENDENCIES.matcher(lines.get(i));
            if (matcher.matches()) {
                Matcher each = TIMESTAMP.matcher(matcher.group(1));
                while (each.find()) {
                    dependency(migrations, version, file, i + 1, each.group(), forward, problems);
                }
                return;
            }
        }
    }

    /** {@code migration-dependencies.yml}: {@code migrations: [{version, service, dependencies: [...]}]}. */
    private static void fileDependencies(Path migrations, Path file, Map<MigrationVersion, Path> forward,
                                         List<Finding> problems) {
        String text;
        JsonNode root;
        try {
            text = Files.readString(file);
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new HarnessException(ErrorCode.INPUT, DisplayPath.of(file) + " is not valid YAML"
                    + (line > 0 ? " (line " + line + ")" : "") + ": " + e.getOriginalMessage()
                    + "\nExpected migrations: [{version: \"20240101_001\", service: ..., dependencies: [...]}].",
                    file, line, e);
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot read " + DisplayPath.of(file) + ": " + e.getMessage(),
                    file, 0, e);
        }
        if (root == null || !root.path("migrations").isArray()) {
            return;
        }
        List<String> lines = text.lines().toList();
        for (JsonNode entry : root.path("migrations")) {
            String version = entry.path("version").asText("");
            int line = lineOf(lines, "version", version, 0);
            if (!TIMESTAMP.matcher(version).matches() || !forward.containsKey(MigrationVersion.of(version))) {
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, null, DisplayPath.of(file),
                        line > 0 ? line : null, DEPENDENCIES_FILE + " line " + line + ": version '" + version
                        + "' is not a migration of " + DisplayPath.of(migrations) + " (no schema/ or data/ script"
                        + " has that timestamp).\nCorrect the version, or remove the entry."));
                continue;
            }
            for (JsonNode dependency : entry.path("dependencies")) {
                String target = dependency.asText("");
                int at = lineOf(lines, "", target, line);
                dependency(migrations, MigrationVersion.of(version), file, at > 0 ? at : line, target, forward,
                        problems);
            }
        }
    }

    /** A dependency must be a migration of the set that runs before the one that depends on it. */
    private static void dependency(Path migrations, MigrationVersion version, Path file, int line, String target,
                                   Map<MigrationVersion, Path> forward, List<Finding> problems) {
        Path dependent = forward.get(version);
        String who = DisplayPath.of(migrations.relativize(dependent));
        String where = DisplayPath.of(migrations.relativize(file)) + " line " + line + ": ";
        if (!TIMESTAMP.matcher(target).matches() || !forward.containsKey(MigrationVersion.of(target))) {
            problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, version.text(), DisplayPath.of(file),
                    line, where + who + " depends on " + target + ", which is not a migration of this folder (no"
                    + " schema/ or data/ script has that timestamp).\nCorrect the dependency, or add the migration."));
        } else if (MigrationVersion.of(target).compareTo(version) >= 0) {
            Path other = forward.get(MigrationVersion.of(target));
            problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, version.text(), DisplayPath.of(file),
                    line, where + who + " depends on " + DisplayPath.of(migrations.relativize(other)) + ", which "
                    + (target.equals(version.text()) ? "is itself" : "runs after it") + ": the scripts run in"
                    + " timestamp order, so " + version + " would run before what it needs.\nGive "
                    + version + " a timestamp after " + target + ", or drop the dependency."));
        }
    }

    /** The 1-based line after line {@code after} that holds {@code key} and {@code needle}, 0 when none. */
    private static int lineOf(List<String> lines, String key, String needle, int after) {
        for (int i = after; i < lines.size(); i++) {
            if (!needle.isEmpty() && lines.get(i).contains(key) && lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        return 0;
    }
}
