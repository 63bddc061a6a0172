package org.migrationharness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.migrationharness.Finding;

/**
 * The human report: per service its findings and the checks skipped with why, then a summary table. Returned as text;
 * the CLI prints it.
 */
public final class TextReport {

    private TextReport() {
    }

    public static String render(RunReport report) {
        StringBuilder out = new StringBuilder();
        for (ServiceReport service : report.services()) {
            Map<String, List<String>> skipped = service.skippedByReason();
            out.append('\n').append(service.service()).append(":\n");
            out.append("  config: ").append(service.config() == null ? "none (no harness.yaml: every setting at its default)"
                    : service.config()).append('\n');
            for (Finding finding : service.findings()) {
                out.append("  ").append(finding.severity().id().toUpperCase(Locale.ROOT)).append(' ')
                        .append(finding.check());
                if (finding.migration() != null) {
                    out.append(" [").append(finding.migration()).append(']');
                }
                out.append(' ').append(finding.location());
                out.append(indentContinuation(finding.message())).append('\n');
            }
            skipped.forEach((reason, checks) -> out.append("  SKIPPED ").append(String.join(", ", checks)).append(": ")
                    .append(reason).append('\n'));
        }
        out.append('\n').append(summary(report));
        return out.toString();
    }

    private static String indentContinuation(String message) {
        return message.replace("\n", "\n      ");
    }

    /** A table: one row per service with its migrations, checks passed/failed/skipped, errors and warnings. */
    public static String summary(RunReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"service", "format", "migrations", "checks passed", "failed", "skipped", "errors", "warnings", "status", "time"});
        for (ServiceReport s : report.services()) {
            rows.add(new String[] {
                    s.service(), s.format(), String.valueOf(s.migrations()),
                    String.valueOf(count(s, CheckResult.Status.PASSED)),
                    String.valueOf(count(s, CheckResult.Status.FAILED)),
                    String.valueOf(count(s, CheckResult.Status.SKIPPED)),
                    String.valueOf(s.errorCount()), String.valueOf(s.warningCount()),
                    s.status().id(),
                    seconds(s.checks().stream().mapToLong(CheckResult::durationMs).sum())});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i >= 2 && i != 8;
                String cell = numeric ? pad(row[i], widths[i], true) : pad(row[i], widths[i], false);
                out.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append('\n');
            if (r == 0) {
                int total = 0;
                for (int w : widths) {
                    total += w + 2;
                }
                out.append("-".repeat(total - 2)).append('\n');
            }
        }
        long failed = report.services().stream().filter(s -> s.status() != ServiceReport.Status.PASSED).count();
        out.append(String.format(Locale.ROOT, "%d service(s), %d passed, %d failed, %s, %s%n",
                report.services().size(), report.services().size() - failed, failed,
                report.postgres() == null ? "no PostgreSQL started" : "PostgreSQL " + report.postgres(),
                seconds(report.durationMs())));
        if (report.interrupted()) {
            out.append("interrupted: ").append(report.services().size()).append(" of ")
                    .append(report.services().size() + report.notVerified().size())
                    .append(" service(s) finished; not verified: ")
                    .append(report.notVerified().isEmpty() ? "(none)" : String.join(", ", report.notVerified()))
                    .append('\n');
        }
        return out.toString();
    }

    private static long count(ServiceReport s, CheckResult.Status status) {
        return s.checks().stream().filter(c -> c.status() == status).count();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
