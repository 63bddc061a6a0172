package org.migrationharness.source;

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
 * golang-migrate's layout: {@code {version}_{title}.up.sql} and {@code {version}_{title}.down.sql}, the version an
 * unsigned integer compared as a number ({@code 1, 2, 10}; zero-padding allowed, not needed). The tool reads only the
 * files of the folder itself (no sub-folders) and skips files it cannot parse; the harness reports them
 * ({@code naming.file}), and a down without its up, and two files with one version. The tool keeps one row in
 * {@code schema_migrations(version bigint, dirty boolean)} (or {@code history-table:}).
 */
public final class GolangMigrateFormat implements MigrationFormat {

    /** The format's id. */
    public static final String ID = "golang-migrate";

    /** golang-migrate's default table. */
    public static final String DEFAULT_TABLE = "schema_migrations";

    private static final Pattern FILE = Pattern.compile("([0-9]+)_(.*)\\.(up|down)\\.sql");
    private static final Pattern NEAR_MISS = Pattern.compile("(?i)[0-9]+[_-].*\\.(up|down)(\\.[a-z]+)?");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Path> evidence(Path migrations, List<Path> files) {
        return files.stream().filter(f -> FILE.matcher(f.getFileName().toString()).matches()).toList();
    }

    @Override
    public Set<String> bookkeepingTables(ServiceConfig config) {
        return Set.of(config.historyTableOr(DEFAULT_TABLE));
    }

    @Override
    public String missingDown(Migration migration) {
        return migration.up().fileName().replaceFirst("\\.up\\.sql$", ".down.sql") + " beside it";
    }

    @Override
    public MigrationSet read(Path migrations, String name, ServiceConfig config, List<Path> files) {
        List<Finding> problems = new ArrayList<>();
        Map<MigrationVersion, Path> ups = new TreeMap<>();
        Map<MigrationVersion, Path> downs = new TreeMap<>();
        List<Path> scripts = new ArrayList<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            if (fileName.equals(ServiceConfig.FILE_NAME) || fileName.equals("dependencies.json")) {
                continue;
            }
            Matcher matcher = FILE.matcher(fileName);
            if (!file.getParent().equals(migrations)) {
                problems.add(new Finding(CheckId.NAMING_FILE.id(), matcher.matches() ? Severity.ERROR : Severity.WARNING,
                        null, DisplayPath.of(file), null, DisplayPath.of(migrations.relativize(file)) + ": golang-migrate"
                        + " reads only the files of the folder itself and ignores this one.\nMove it up into "
                        + DisplayPath.of(migrations) + ", or out of the migrations folder."));
            } else if (matcher.matches()) {
                MigrationVersion version = MigrationVersion.of(String.valueOf(Long.parseUnsignedLong(matcher.group(1))));
                Map<MigrationVersion, Path> target = matcher.group(3).equals("up") ? ups : downs;
                Path previous = target.putIfAbsent(version, file);
                if (previous != null) {
                    problems.add(new Finding(CheckId.ORDER_DUPLICATE_VERSION.id(), Severity.ERROR, version.text(),
                            DisplayPath.of(file), null, previous.getFileName() + " and " + fileName + " share version "
                            + version + ": golang-migrate refuses to read the folder (duplicate migration file)."
                            + "\nGive one of them a version of its own."));
                } else {
                    scripts.add(file);
                }
            } else {
                problems.add(misnamed(file, fileName));
            }
        }
        Map<Path, String> texts = ScriptFiles.read(migrations, scripts, config);
        List<Migration> result = new ArrayList<>();
        for (Map.Entry<MigrationVersion, Path> up : ups.entrySet()) {
            MigrationVersion version = up.getKey();
            Path down = downs.get(version);
            // an empty down file reverses nothing: down.missing, not a down that leaves a trace
            IrreversibleMarker.Down read = IrreversibleMarker.read(down == null ? null : script(down, texts), version,
                    down == null ? null : down.getFileName().toString(), true, problems);
            Matcher matcher = FILE.matcher(up.getValue().getFileName().toString());
            String description = matcher.matches() ? matcher.group(2) : "";
            result.add(new Migration(version, description, script(up.getValue(), texts), read.script(),
                    read.irreversibleReason()));
        }
        for (Map.Entry<MigrationVersion, Path> down : downs.entrySet()) {
            if (!ups.containsKey(down.getKey())) {
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, down.getKey().text(),
                        DisplayPath.of(down.getValue()), null, down.getValue().getFileName() + " reverses no migration:"
                        + " there is no " + down.getKey() + "_*.up.sql.\nRename it to the version it reverses, or delete it."));
            }
        }
        return new MigrationSet(name, migrations, ID, config, result, List.of(), problems);
    }

    /** A whole file, labelled by its name without {@code .sql}: {@code 10_add_phone.up}. */
    private static Script script(Path file, Map<Path, String> texts) {
        return new Script(file, 1, file.getFileName().toString().replaceFirst("\\.sql$", ""), texts.get(file));
    }

    private static Finding misnamed(Path file, String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (NEAR_MISS.matcher(fileName).matches() || lower.endsWith(".sql")) {
            String hint = fileName.matches("(?i)[0-9]+-.*") ? " (the version is followed by '_', not '-')"
                    : lower.endsWith(".sql") && !fileName.endsWith(".sql") ? " (the extension is '.sql', lower case)"
                    : !lower.matches(".*\\.(up|down)\\.sql") ? " (it needs .up.sql or .down.sql)" : "";
            return new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, null, DisplayPath.of(file), null, fileName
                    + ": golang-migrate skips files not named {version}_{title}.up.sql or .down.sql" + hint
                    + ", so this one would never run.\nRename it, e.g. 1_create_users.up.sql.");
        }
        return new Finding(CheckId.NAMING_FILE.id(), Severity.WARNING, null, DisplayPath.of(file), null, fileName
                + ": not a migration; golang-migrate ignores it.\nMove it out of the migrations folder.");
    }
}
