package org.migrationharness.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;

/** The formats on the class path ({@link ServiceLoader}), by id, and the choice of one for a folder. */
public final class MigrationFormats {

    /** The id that asks for detection from the files. */
    public static final String AUTO = "auto";

    /** The format of a folder in which no format finds evidence (an empty folder, say). */
    public static final String DEFAULT = "flyway";

    private static final Map<String, MigrationFormat> FORMATS = load();

    private MigrationFormats() {
    }

    private static Map<String, MigrationFormat> load() {
        Map<String, MigrationFormat> formats = new LinkedHashMap<>();
        for (MigrationFormat format : ServiceLoader.load(MigrationFormat.class, MigrationFormats.class.getClassLoader())) {
            formats.putIfAbsent(format.id(), format);
        }
        return Map.copyOf(formats);
    }

    /** Every format's id, sorted. */
    public static List<String> ids() {
        return FORMATS.keySet().stream().sorted().toList();
    }

    /**
     * The format with this id.
     *
     * @param source where the id came from (an option, a file), for the error
     * @throws HarnessException with {@link ErrorCode#USAGE} naming the known formats when there is none
     */
    public static MigrationFormat byId(String id, String source) {
        MigrationFormat format = FORMATS.get(id);
        if (format == null) {
            throw new HarnessException(ErrorCode.USAGE, "Unknown migration format '" + id + "' (from " + source
                    + ").\nExpected one of: " + AUTO + ", " + String.join(", ", ids()) + ".");
        }
        return format;
    }

    /** The format a set was read in. */
    public static MigrationFormat of(MigrationSet set) {
        return byId(set.format(), "the set " + set.name());
    }

    /** Whether {@code id} names a format or {@code auto}. */
    public static boolean known(String id) {
        return AUTO.equals(id) || FORMATS.containsKey(id);
    }

    /**
     * The format whose files the folder holds. No evidence at all (an empty folder) is the default format; evidence
     * for two formats is an input error naming a file of each.
     */
    public static MigrationFormat detect(Path migrations, List<Path> files) {
        Map<MigrationFormat, List<Path>> found = new LinkedHashMap<>();
        for (String id : ids()) {
            MigrationFormat format = FORMATS.get(id);
            List<Path> evidence = format.evidence(migrations, files);
            if (!evidence.isEmpty()) {
                found.put(format, evidence);
            }
        }
        if (found.size() == 1) {
            return found.keySet().iterator().next();
        }
        if (found.isEmpty()) {
            return byId(DEFAULT, "the default");
        }
        List<String> each = new ArrayList<>();
        found.forEach((format, evidence) -> each.add(format.id() + " (" + evidence.stream().limit(3)
                .map(p -> p.getFileName().toString()).collect(Collectors.joining(", "))
                + (evidence.size() > 3 ? ", ..." : "") + ")"));
        throw new HarnessException(ErrorCode.INPUT, "The files of " + DisplayPath.of(migrations) + " look like "
                + found.size() + " formats: " + String.join(" and ", each) + ".\nA folder holds one format: move the"
                + " files of the other out, or say which it is with format: in harness.yaml (or --format).");
    }
}
