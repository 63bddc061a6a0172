package org.migrationharness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.migrationharness.Finding;
import org.migrationharness.Severity;

/**
 * {@code --report markdown=FILE}: a pull-request summary, readable as plain text in a terminal too. A heading with the
 * outcome; one table row per service (service, format, migrations, status as a word, findings, time); then for each
 * service that did not pass, its findings as bullets {@code **check** `file:line` — message}, a message's further
 * lines indented under it (each line ends in two spaces, a hard line break, so GitHub keeps the lines apart); then, with a
 * base, each service's schema change ({@link SchemaChange}: objects added, removed, changed, and a Mermaid ER diagram);
 * then the skipped checks with their reasons, one line per service and reason.
 */
public final class MarkdownReport implements ReportWriter {

    @Override
    public String format() {
        return "markdown";
    }

    @Override
    public String exampleFile() {
        return "report.md";
    }

    @Override
    public String render(RunReport report) {
        StringBuilder out = new StringBuilder();
        long failed = report.services().stream().filter(s -> s.status() != ServiceReport.Status.PASSED).count();
        int total = report.services().size();
        out.append("## migration-harness: ").append(failed == 0 ? (total == 1 ? "the service passed"
                : "all " + total + " services passed") : failed + " of " + total + " service(s) failed");
        if (report.interrupted()) {
            out.append(" (interrupted)");
        }
        out.append("\n\n");
        out.append(total).append(" service(s), ").append(report.postgres() == null ? "no PostgreSQL started"
                : "PostgreSQL " + report.postgres()).append(", ")
                .append(seconds(report.durationMs())).append(", migration-harness ").append(report.version())
                .append(".\n\n");
        table(out, report);
        if (!report.notVerified().isEmpty()) {
            out.append("\nNot verified (the run was interrupted): ").append(String.join(", ", report.notVerified()))
                    .append(".\n");
        }
        for (ServiceReport service : report.services()) {
            if (service.status() == ServiceReport.Status.PASSED) {
                continue;
            }
            out.append("\n### ").append(inline(service.service())).append(": ").append(service.status().id())
                    .append("\n\n");
            if (service.findings().isEmpty()) {
                out.append("No finding: the service could not be verified.\n");
            }
            for (Finding finding : service.findings()) {
                out.append("- **").append(finding.check()).append("**");
                if (finding.severity() != Severity.ERROR) {
                    out.append(" (").append(finding.severity().id()).append(')');
                }
                if (finding.file() != null) {
                    out.append(" `").append(finding.file());
                    if (finding.line() != null) {
                        out.append(':').append(finding.line());
                    }
                    out.append('`');
                } else if (finding.migration() != null) {
                    out.append(" (migration ").append(inline(finding.migration())).append(')');
                }
                out.append(" — ").append(message(finding.message())).append('\n');
            }
        }
        changes(out, report);
        StringBuilder skipped = new StringBuilder();
        for (ServiceReport service : report.services()) {
            service.skippedByReason().forEach((reason, checks) -> skipped.append("- ").append(inline(service.service())).append(": ")
                    .append(String.join(", ", checks)).append(" — ").append(inline(reason)).append('\n'));
        }
        if (!skipped.isEmpty()) {
            out.append("\n### Skipped checks\n\n").append(skipped);
        }
        return out.toString();
    }

    /**
     * The schema change of each service compared with a base: each object added, removed or changed, and a Mermaid ER
     * diagram of the tables it touches (GitHub draws it; a terminal shows the text).
     */
    private static void changes(StringBuilder out, RunReport report) {
        List<ServiceReport> compared = report.services().stream().filter(s -> s.schemaChange() != null).toList();
        if (compared.isEmpty()) {
            return;
        }
        out.append("\n### Schema changes since the base\n\n");
        List<String> unchanged = new ArrayList<>();
        for (ServiceReport service : compared) {
            SchemaChange change = service.schemaChange();
            if (change.note() != null) {
                out.append("**").append(inline(service.service())).append("**: ").append(inline(change.note())).append("\n\n");
                continue;
            }
            if (change.changes().isEmpty()) {
                unchanged.add(inline(service.service()));
                continue;
            }
            out.append("**").append(inline(service.service())).append("**\n\n");
            for (SchemaChange.Change c : change.changes()) {
                out.append("- ").append(c.kind().word()).append(' ').append(object(c.object()));
                if (c.kind() == SchemaChange.Kind.CHANGED) {
                    out.append(':');
                    c.details().forEach(d -> out.append("\n  - ").append(inline(d)));
                } else if (!c.details().isEmpty()) {
                    out.append(" (").append(inline(String.join("; ", c.details()))).append(')');
                }
                out.append('\n');
            }
            if (change.diagram() != null) {
                out.append("\n```mermaid\n").append(change.diagram()).append("```\n");
            }
            out.append('\n');
        }
        if (!unchanged.isEmpty()) {
            out.append("No schema change: ").append(String.join(", ", unchanged)).append(".\n");
        } else {
            out.setLength(out.length() - 1); // the blank line after the last service: the next section brings its own
        }
    }

    /** {@code table orders} as {@code table `orders`}. */
    private static String object(String object) {
        int space = object.indexOf(' ');
        return space < 0 ? "`" + object + "`" : object.substring(0, space) + " `" + object.substring(space + 1) + "`";
    }

    /** The summary table, its columns padded so that it reads as a table in a terminal too. */
    private static void table(StringBuilder out, RunReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"service", "format", "migrations", "status", "findings", "time"});
        for (ServiceReport s : report.services()) {
            rows.add(new String[] {cell(s.service()), cell(s.format()), String.valueOf(s.migrations()), s.status().id(),
                    String.valueOf(s.findings().size()),
                    seconds(s.checks().stream().mapToLong(CheckResult::durationMs).sum())});
        }
        boolean[] right = {false, false, true, false, true, true};
        int[] widths = new int[right.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(Math.max(widths[i], row[i].length()), 3);
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            out.append('|');
            for (int i = 0; i < right.length; i++) {
                String fill = " ".repeat(widths[i] - rows.get(r)[i].length());
                out.append(' ').append(right[i] ? fill + rows.get(r)[i] : rows.get(r)[i] + fill).append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append('|');
                for (int i = 0; i < right.length; i++) {
                    out.append(' ').append("-".repeat(widths[i] - (right[i] ? 1 : 0))).append(right[i] ? ":" : "")
                            .append(" |");
                }
                out.append('\n');
            }
        }
    }

    /** A message in a bullet: its further lines indented under the bullet, each line a hard break. */
    private static String message(String message) {
        List<String> lines = message.strip().lines().map(MarkdownReport::inline).toList();
        return String.join("  \n  ", lines);
    }

    /** A table cell: a {@code |} would end it. */
    private static String cell(String value) {
        return inline(value == null ? "" : value).replace("|", "\\|");
    }

    /**
     * Text as Markdown shows it as written: HTML-like {@code <...>}, backslashes, backticks, asterisks and underscores at a word's
     * edge (where they would start emphasis) are escaped; underscores inside names ({@code order_note}) stay as they
     * are, so the text stays readable in a terminal.
     */
    static String inline(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escape = switch (c) {
                case '\\', '`', '*', '<' -> true;
                case '_' -> !(i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))
                        || !(i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1)));
                default -> false;
            };
            if (escape) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
