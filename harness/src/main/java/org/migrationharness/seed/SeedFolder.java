package org.migrationharness.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;

/**
 * A folder of seeds: {@code <folder>/<environment>/} with the files of one environment, and an optional
 * {@code <folder>/common/} loaded for every environment, first. Files load in name order; only {@code *.sql},
 * {@code *.yaml}, {@code *.yml} and {@code *.json} are seed files (anything else, e.g. a README, is ignored), and
 * sub-folders of an environment folder are not read.
 *
 * @param folder the seeds folder, e.g. {@code seeds/catalog}
 */
public record SeedFolder(Path folder) {

    /** The folder loaded for every environment, before the environment's own. */
    public static final String COMMON = "common";

    /** The environment that {@code seed} refuses without {@code --allow-production}. */
    public static final String PRODUCTION = "production";

    /** The environments present: every sub-folder except {@code common}, by name. */
    public List<String> environments() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(folder)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(name -> !name.equals(COMMON) && !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot list " + DisplayPath.of(folder) + ": " + e.getMessage(), e);
        }
    }

    /** Whether there is anything to load for {@code environment}: its folder or {@code common/}. */
    public boolean has(String environment) {
        return Files.isDirectory(folder.resolve(environment)) || Files.isDirectory(folder.resolve(COMMON));
    }

    /**
     * The files to load for an environment, in load order: {@code common/} by name, then the environment's by name.
     *
     * @throws HarnessException ({@link ErrorCode#INPUT}) when neither folder exists
     */
    public List<Path> files(String environment) {
        if (environment == null || !environment.matches("[A-Za-z0-9_.-]+") || environment.equals(COMMON)) {
            throw new HarnessException(ErrorCode.USAGE, "'" + environment + "' is not an environment name.\n"
                    + "Expected the name of a folder under " + DisplayPath.of(folder) + ", e.g. development"
                    + (environment != null && environment.equals(COMMON) ? " (common/ is loaded with every environment)" : "") + ".");
        }
        if (!has(environment)) {
            throw new HarnessException(ErrorCode.INPUT, "No seeds for environment '" + environment + "': expected a folder "
                    + DisplayPath.of(folder.resolve(environment)) + " (or " + DisplayPath.of(folder.resolve(COMMON)) + ").\n"
                    + "Environments here: " + environments() + ".");
        }
        List<Path> files = new ArrayList<>(filesIn(folder.resolve(COMMON)));
        files.addAll(filesIn(folder.resolve(environment)));
        return files;
    }

    /** Whether the file is a seed file, judged by its name. */
    public static boolean isSeedFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".sql") || name.endsWith(".yaml") || name.endsWith(".yml")
                || name.endsWith(".json"));
    }

    private static List<Path> filesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(SeedFolder::isSeedFile)
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot list " + DisplayPath.of(dir) + ": " + e.getMessage(), e);
        }
    }
}
