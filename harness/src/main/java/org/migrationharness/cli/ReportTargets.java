package org.migrationharness.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.migrationharness.HarnessException;
import org.migrationharness.report.ReportWriter;
import org.migrationharness.report.RunReport;

/**
 * The reports a verify run writes: {@code --report FORMAT=FILE} (repeatable) and {@code --report-json FILE} (the same
 * as {@code --report json=FILE}). Every format and path is checked when the options are read, before any server
 * starts; formats are known only through {@link ReportWriter}.
 */
final class ReportTargets {

    /** One report to write. */
    record Target(ReportWriter writer, Path file) {
    }

    private final List<Target> targets;

    private ReportTargets(List<Target> targets) {
        this.targets = List.copyOf(targets);
    }

    /**
     * The reports the options ask for, checked.
     *
     * @param reportJson the values of {@code --report-json FILE}
     * @param reports the values of {@code --report FORMAT=FILE}
     */
    static ReportTargets of(List<String> reportJson, List<String> reports) {
        Map<Path, Target> byFile = new LinkedHashMap<>();
        List<String[]> requests = new ArrayList<>();
        for (String value : reportJson) {
            requests.add(new String[] {"--report-json", "json", value});
        }
        for (String value : reports) {
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw Main.usage("verify", "--report takes FORMAT=FILE, e.g. --report junit-xml=report.xml, not '"
                        + value + "'. Formats: " + String.join(", ", ReportWriter.formats()) + ".");
            }
            requests.add(new String[] {"--report", value.substring(0, eq).strip(), value.substring(eq + 1)});
        }
        for (String[] request : requests) {
            String format = request[1];
            ReportWriter writer = ReportWriter.byFormat(format).orElseThrow(() -> Main.usage("verify",
                    "Unknown report format '" + format + "' in " + request[0] + ". Formats: "
                            + String.join(", ", ReportWriter.formats()) + "."));
            String option = request[0].equals("--report-json") ? "--report-json" : "--report " + format;
            Path file = OutputFile.check(option, request[2], writer.exampleFile());
            Path key = file.toAbsolutePath().normalize();
            Target earlier = byFile.get(key);
            if (earlier != null && !earlier.writer().format().equals(format)) {
                throw Main.usage("verify", "Two reports would be written to " + request[2] + ": "
                        + earlier.writer().format() + " and " + format + ". Give each report a file of its own.");
            }
            byFile.putIfAbsent(key, new Target(writer, file));
        }
        return new ReportTargets(new ArrayList<>(byFile.values()));
    }

    List<Target> targets() {
        return targets;
    }

    /** Writes every report; one that cannot be written does not keep the others from being written. */
    void write(RunReport report) {
        HarnessException first = null;
        for (Target target : targets) {
            try {
                target.writer().write(report, target.file());
            } catch (HarnessException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
