package org.migrationharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine.Model.CommandSpec;

/**
 * The help and the README's section on the CLI name the same options: for each command, the options of its usage
 * line in the README and of the first column of its table ("Options of `COMMAND`") are exactly those its help shows.
 */
class HelpAndReadmeTests {

    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z0-9-]*");

    @ParameterizedTest
    @ValueSource(strings = {"verify", "snapshot", "seed", "dev"})
    void should_show_in_the_help_exactly_the_options_of_the_command(String command) {
        assertThat(helpOptions(command)).isEqualTo(specOptions(command)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "snapshot", "seed", "dev"})
    void should_document_in_the_readme_exactly_the_options_of_the_help(String command) throws IOException {
        assertThat(readmeOptions(command)).as("the options of %s in README.md's usage line and table", command)
                .isEqualTo(helpOptions(command));
    }

    /** The options of {@code COMMAND}: those of its usage line and of the first column of its table. */
    private static Set<String> readmeOptions(String command) throws IOException {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## The CLI\n");
        assertThat(start).as("README.md has a section ## The CLI").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);

        Matcher usage = Pattern.compile("(?m)^ {4}java -jar \\S*migration-harness\\.jar " + command + " .*$").matcher(section);
        assertThat(usage.find()).as("a usage line of %s in the section", command).isTrue();
        Set<String> options = options(usage.group());

        int table = section.indexOf("Options of `" + command + "`");
        assertThat(table).as("a table \"Options of `%s`\" in the section", command).isNotNegative();
        section.substring(table).lines().dropWhile(l -> !l.startsWith("|")).takeWhile(l -> l.startsWith("|"))
                .skip(2) // the header and the separator
                .map(l -> l.split("\\|")[1]) // the first column
                .forEach(cell -> options.addAll(options(cell)));
        return options;
    }

    /** The README at the root of the repository, found from the module's folder (or any folder below the root). */
    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("harness"))) {
                return dir.resolve("README.md");
            }
        }
        throw new AssertionError("No README.md next to a harness/ folder in " + Path.of("").toAbsolutePath()
                + " or above it");
    }

    private static Set<String> specOptions(String command) {
        CommandSpec spec = Main.commandLine(System.out, System.err).getSubcommands().get(command).getCommandSpec();
        return HelpLayout.visibleOptions(spec).stream().flatMap(o -> Arrays.stream(o.names()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every option named in the text. */
    private static Set<String> options(String text) {
        return OPTION.matcher(text).results().map(java.util.regex.MatchResult::group).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The options the help of the command lists: the first word of each line of its option lists. */
    private static Set<String> helpOptions(String command) {
        return help(command).lines().filter(l -> l.startsWith("  --")).map(l -> l.strip().split("[ ,]")[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String help(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {command, "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
