package org.migrationharness.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar migration-harness.jar}: the top-level command; its subcommands ({@code verify}, {@code snapshot},
 * {@code seed}) are added by {@link Main#commandLine(java.io.PrintStream, java.io.PrintStream)}, and its version is
 * the harness's.
 */
@Command(name = "migration-harness", customSynopsis = "java -jar migration-harness.jar COMMAND [options]",
        footer = {"", "Exit codes: 0 passed, 1 a check found an error, 2 usage or input error, 3 no PostgreSQL could be"
            + " started or reached."})
final class MigrationHarnessCommand {

    @Option(names = {"-h", "--help"}, usageHelp = true, hidden = true, description = "print this help")
    boolean help;

    @Option(names = "--version", versionHelp = true, hidden = true, description = "print the harness's version")
    boolean version;
}
