package org.migrationharness.report;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.migrationharness.Finding;
import org.migrationharness.Severity;

/**
 * {@code --report junit-xml=FILE}: the run in the Ant JUnit XML that Jenkins, GitLab and GitHub test reporters read.
 * <ul>
 * <li>one {@code <testsuite>} per service: {@code name} = the service, with {@code tests}, {@code failures},
 * {@code errors}, {@code skipped} and {@code time} (seconds: the sum of its checks' times);</li>
 * <li>one {@code <testcase>} per check, {@code classname} = the service, {@code name} = the check id; a failed check
 * whose error findings name migrations is one test case per migration, named {@code <check> [<migration>]} (the
 * version as written in the file name, as the text report shows it: {@code down.leaves-trace [4]}), its findings about
 * the whole set stay under the plain check id;</li>
 * <li>a failing test case has one {@code <failure message="first line of the first finding" type="check id">} whose
 * body holds every error finding, each {@code file:line: message}; warnings and infos go to {@code <system-out>};</li>
 * <li>a skipped check is {@code <skipped message="reason"/>};</li>
 * <li>a service that could not be verified (status {@code error}) has a test case {@code verify} with an
 * {@code <error>}; a service an interrupted run did not verify is a suite with one skipped test case {@code verify}.</li>
 * </ul>
 */
public final class JunitXmlReport implements ReportWriter {

    /** A test case: its name, time, and what it found. */
    private record Case(String name, long durationMs, CheckResult.Status status, String reason, List<Finding> findings) {
    }

    @Override
    public String format() {
        return "junit-xml";
    }

    @Override
    public String exampleFile() {
        return "report.xml";
    }

    @Override
    public String render(RunReport report) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            List<Map.Entry<ServiceReport, List<Case>>> suites = new ArrayList<>();
            for (ServiceReport service : report.services()) {
                suites.add(Map.entry(service, cases(service)));
            }
            long tests = 0;
            long failures = 0;
            long errors = 0;
            long skipped = report.notVerified().size();
            for (Map.Entry<ServiceReport, List<Case>> suite : suites) {
                tests += suite.getValue().size();
                failures += count(suite.getValue(), CheckResult.Status.FAILED);
                skipped += count(suite.getValue(), CheckResult.Status.SKIPPED);
                errors += suite.getKey().status() == ServiceReport.Status.ERROR ? 1 : 0;
            }
            xml.writeStartElement("testsuites");
            attribute(xml, "name", report.tool());
            attribute(xml, "tests", String.valueOf(tests + errors + report.notVerified().size()));
            attribute(xml, "failures", String.valueOf(failures));
            attribute(xml, "errors", String.valueOf(errors));
            attribute(xml, "skipped", String.valueOf(skipped));
            attribute(xml, "time", seconds(report.durationMs()));
            for (Map.Entry<ServiceReport, List<Case>> suite : suites) {
                writeSuite(xml, report, suite.getKey(), suite.getValue());
            }
            for (String service : report.notVerified()) {
                newline(xml, 1);
                xml.writeStartElement("testsuite");
                suiteAttributes(xml, service, 1, 0, 0, 1, 0);
                newline(xml, 2);
                xml.writeStartElement("testcase");
                caseAttributes(xml, service, "verify", 0);
                xml.writeEmptyElement("skipped");
                attribute(xml, "message", "the run was interrupted before this service was verified");
                xml.writeEndElement();
                newline(xml, 1);
                xml.writeEndElement();
            }
            newline(xml, 0);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the JUnit XML report: " + e.getMessage(), e);
        }
        return text + "\n";
    }

    private static void writeSuite(XMLStreamWriter xml, RunReport report, ServiceReport service, List<Case> cases)
            throws XMLStreamException {
        boolean error = service.status() == ServiceReport.Status.ERROR;
        newline(xml, 1);
        xml.writeStartElement("testsuite");
        suiteAttributes(xml, service.service(), cases.size() + (error ? 1 : 0), count(cases, CheckResult.Status.FAILED),
                error ? 1 : 0, count(cases, CheckResult.Status.SKIPPED),
                service.checks().stream().mapToLong(CheckResult::durationMs).sum());
        newline(xml, 2);
        xml.writeStartElement("properties");
        property(xml, "format", service.format());
        property(xml, "migrations", String.valueOf(service.migrations()));
        property(xml, "postgres", report.postgres());
        property(xml, "harness", report.version());
        if (service.config() != null) {
            property(xml, "config", service.config());
        }
        newline(xml, 2);
        xml.writeEndElement();
        for (Case c : cases) {
            newline(xml, 2);
            xml.writeStartElement("testcase");
            caseAttributes(xml, service.service(), c.name(), c.durationMs());
            List<Finding> errorFindings = c.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
            List<Finding> others = c.findings().stream().filter(f -> f.severity() != Severity.ERROR).toList();
            if (c.status() == CheckResult.Status.SKIPPED) {
                xml.writeEmptyElement("skipped");
                attribute(xml, "message", c.reason() == null ? "skipped" : c.reason());
            } else if (c.status() == CheckResult.Status.FAILED) {
                xml.writeStartElement("failure");
                attribute(xml, "message", errorFindings.isEmpty() ? "failed" : firstLine(errorFindings.get(0)));
                attribute(xml, "type", checkOf(c.name()));
                text(xml, lines(errorFindings));
                xml.writeEndElement();
            }
            if (!others.isEmpty()) {
                xml.writeStartElement("system-out");
                text(xml, lines(others));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        if (error) {
            newline(xml, 2);
            xml.writeStartElement("testcase");
            caseAttributes(xml, service.service(), "verify", 0);
            xml.writeStartElement("error");
            attribute(xml, "message", "the service could not be verified (PostgreSQL failed or could not be reached)");
            attribute(xml, "type", "error");
            text(xml, lines(service.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList()));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    /** The test cases of a service: one per check, a failed check split by the migrations its error findings name. */
    private static List<Case> cases(ServiceReport service) {
        Map<String, List<Finding>> byCheck = service.findings().stream()
                .collect(Collectors.groupingBy(Finding::check, LinkedHashMap::new, Collectors.toList()));
        List<Case> cases = new ArrayList<>();
        for (CheckResult check : service.checks()) {
            List<Finding> findings = byCheck.getOrDefault(check.check(), List.of());
            if (check.status() != CheckResult.Status.FAILED) {
                cases.add(new Case(check.check(), check.durationMs(), check.status(), check.reason(), findings));
                continue;
            }
            // the migrations in the order their first error finding came, the findings about the whole set first
            Map<String, List<Finding>> byMigration = new LinkedHashMap<>();
            byMigration.put(null, new ArrayList<>());
            for (Finding finding : findings) {
                if (finding.severity() == Severity.ERROR) {
                    byMigration.computeIfAbsent(finding.migration(), m -> new ArrayList<>()).add(finding);
                }
            }
            for (Finding finding : findings) {
                if (finding.severity() != Severity.ERROR) {
                    byMigration.getOrDefault(finding.migration(), byMigration.get(null)).add(finding);
                }
            }
            if (byMigration.get(null).stream().noneMatch(f -> f.severity() == Severity.ERROR) && byMigration.size() > 1) {
                List<Finding> rest = byMigration.remove(null);
                byMigration.values().iterator().next().addAll(rest);
            }
            boolean first = true;
            for (Map.Entry<String, List<Finding>> part : byMigration.entrySet()) {
                String name = part.getKey() == null ? check.check() : check.check() + " [" + part.getKey() + "]";
                // the check's time once, on its first test case, so that the suite's cases add up to its time
                cases.add(new Case(name, first ? check.durationMs() : 0, CheckResult.Status.FAILED, null, part.getValue()));
                first = false;
            }
        }
        return cases;
    }

    private static String checkOf(String caseName) {
        int bracket = caseName.indexOf(" [");
        return bracket < 0 ? caseName : caseName.substring(0, bracket);
    }

    private static String firstLine(Finding finding) {
        String message = finding.message().strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Each finding as the text report shows it: {@code file:line: message}, continuation lines indented. */
    private static String lines(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Finding finding : findings) {
            out.append('\n');
            if (finding.severity() != Severity.ERROR) {
                out.append(finding.severity().id().toUpperCase(Locale.ROOT)).append(' ').append(finding.check())
                        .append(' ');
            }
            out.append(finding.location()).append(finding.message().replace("\n", "\n    "));
        }
        return out.append('\n').toString();
    }

    private static void suiteAttributes(XMLStreamWriter xml, String name, long tests, long failures, long errors,
                                        long skipped, long millis) throws XMLStreamException {
        attribute(xml, "name", name);
        attribute(xml, "tests", String.valueOf(tests));
        attribute(xml, "failures", String.valueOf(failures));
        attribute(xml, "errors", String.valueOf(errors));
        attribute(xml, "skipped", String.valueOf(skipped));
        attribute(xml, "time", seconds(millis));
    }

    private static void caseAttributes(XMLStreamWriter xml, String service, String name, long millis)
            throws XMLStreamException {
        attribute(xml, "classname", service);
        attribute(xml, "name", name);
        attribute(xml, "time", seconds(millis));
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        newline(xml, 3);
        xml.writeEmptyElement("property");
        attribute(xml, "name", name);
        attribute(xml, "value", value == null ? "" : value);
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, xmlChars(value));
    }

    private static void text(XMLStreamWriter xml, String value) throws XMLStreamException {
        xml.writeCharacters(xmlChars(value));
    }

    /** The text with every character XML 1.0 cannot hold (control characters but tab and newline) as U+FFFD. */
    static String xmlChars(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            out.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return out.toString();
    }

    private static long count(List<Case> cases, CheckResult.Status status) {
        return cases.stream().filter(c -> c.status() == status).count();
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
