package org.migrationharness.cli;

import java.util.function.Function;

import org.migrationharness.internal.Settings;
import org.migrationharness.postgres.PostgresSettings;
import org.migrationharness.source.Timeouts;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that say which PostgreSQL to use and how long a statement may run, shared by {@code verify} and
 * {@code snapshot}. Each falls back to its system property and environment variable ({@link Settings}). The footer,
 * the precedence note, becomes the footer of the commands that mix these options in.
 */
@Command(footer = {
    "Each --postgres* option may also be set as a system property (harness.postgres, harness.postgres.version,",
    "harness.postgres.image, harness.jdbc.url) or environment variable (HARNESS_POSTGRES, ...); the option wins.",
    "The timeouts likewise (harness.statement-timeout, HARNESS_STATEMENT_TIMEOUT, ...), over harness.yaml's",
    "statement-timeout: and lock-timeout: keys."})
final class PostgresOptions {

    @Spec
    private CommandSpec spec; // these options only

    @Option(names = "--postgres", paramLabel = "P", description = "auto (default), testcontainers, embedded, external")
    String postgres;

    @Option(names = "--postgres-version", paramLabel = "N",
            description = "PostgreSQL major version: 15, 16, 17 (default 17)")
    String postgresVersion;

    @Option(names = "--postgres-image", paramLabel = "IMAGE",
            description = "image for testcontainers (default: postgres:<pinned tag of the version>)")
    String postgresImage;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "server for external; user from --user or PGUSER, password from PGPASSWORD")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", description = "user for external")
    String user;

    @Option(names = "--" + Timeouts.STATEMENT_KEY, paramLabel = "D",
            description = "longest one statement of a script may run: 500ms, 5s, 2min (default 5min; 0 = none)")
    String statementTimeout;

    @Option(names = "--" + Timeouts.LOCK_KEY, paramLabel = "D",
            description = "longest a statement may wait for a lock (default 1min; 0 = none)")
    String lockTimeout;

    /** The values given on the command line, by option name ({@code --postgres-version}); null when not given. */
    Function<String, String> given() {
        return Main.optionValues(spec);
    }

    /** The PostgreSQL settings from the options, system properties and environment (in that order). */
    PostgresSettings settings() {
        return PostgresSettings.resolve(Settings.fromSystem(given()));
    }

    /** The run's timeouts from the options, system properties and environment (in that order). */
    Timeouts timeouts() {
        return Timeouts.resolve(Settings.fromSystem(given()));
    }
}
