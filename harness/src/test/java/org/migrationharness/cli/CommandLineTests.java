package org.migrationharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.migrationharness.check.Verifier;
import org.migrationharness.internal.Settings;
import org.migrationharness.postgres.PostgresSettings;

import picocli.CommandLine;

/** How the command line is parsed, before any server starts: the options' forms, errors and exit codes. */
class CommandLineTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The verify command the arguments (after {@code verify}) make, parsed but not run. */
    private static VerifyCommand verify(String... args) {
        CommandLine line = Main.commandLine(System.out, System.err);
        String[] all = new String[args.length + 1];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        line.parseArgs(all);
        return line.getSubcommands().get("verify").getCommand();
    }

    @Test
    void should_take_a_value_after_a_space_or_an_equals_sign_keep_the_last_of_a_single_option_and_every_repeated_one() {
        VerifyCommand verify = verify("--service", "a", "--service=b", "--postgres-version=15", "--postgres-version", "16",
                "--env", "dev", "--env=ci", "--report", "json=r.json", "--report=sarif=r.sarif", "--all");

        assertThat(verify.selection.services).containsExactly("a", "b");
        assertThat(verify.selection.all).isTrue();
        assertThat(verify.environments).containsExactly("dev", "ci");
        assertThat(verify.reports).containsExactly("json=r.json", "sarif=r.sarif");
        assertThat(verify.postgres.given().apply("--postgres-version")).isEqualTo("16");
        assertThat(verify.postgres.given().apply("--jdbc-url")).isNull();
    }

    @Test
    void should_look_up_an_option_not_given_in_the_system_properties_then_the_environment() {
        VerifyCommand verify = verify("--all", "--postgres", "embedded");
        Properties properties = new Properties();
        properties.setProperty("harness.postgres", "external");
        properties.setProperty("harness.postgres.version", "15");

        PostgresSettings settings = PostgresSettings.resolve(new Settings(verify.postgres.given(), properties,
                Map.of("HARNESS_POSTGRES_VERSION", "16", "HARNESS_POSTGRES_IMAGE", "postgres:16.1")));

        assertThat(settings.backend().id()).isEqualTo("embedded");
        assertThat(settings.majorVersion()).isEqualTo(15);
        assertThat(settings.image()).isEqualTo("postgres:16.1");
    }

    @Test
    void should_exit_2_naming_the_option_on_a_missing_value_a_value_of_a_switch_and_an_unknown_option() {
        assertThat(run("verify", "--all", "--jobs", "--postgres", "embedded")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: --jobs needs a value.\nSee: java -jar migration-harness.jar verify --help\n");

        assertThat(run("verify", "--service", "--bogus")).isEqualTo(2);
        assertThat(err()).startsWith("error: --service needs a value.\n");

        assertThat(run("snapshot", "--all=true")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: --all takes no value.\nSee: java -jar migration-harness.jar snapshot --help\n");

        assertThat(run("seed", "--dry-run=yes")).isEqualTo(2);
        assertThat(err()).startsWith("error: --dry-run takes no value.\n");

        assertThat(run("seed", "--bogus=1")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: Unknown option --bogus.\nSee: java -jar migration-harness.jar seed --help\n");

        assertThat(run("verify", "--help", "--bogus")).isEqualTo(2);
        assertThat(err()).startsWith("error: Unknown option --bogus.\n");
        assertThat(out()).isEmpty();

        assertThat(run("verify", "--all", "extra")).isEqualTo(2);
        assertThat(err()).startsWith("error: Unexpected argument 'extra'.\nSee: java -jar migration-harness.jar verify --help");
    }

    @Test
    void should_refuse_a_selection_of_all_and_services_and_no_selection_before_reading_anything() {
        assertThat(run("verify", "--all", "--service", "a")).isEqualTo(2);
        assertThat(err()).startsWith("error: --all already selects every service; drop --service.\n");

        assertThat(run("verify", "--postgres", "embedded")).isEqualTo(2);
        assertThat(err()).startsWith("error: Say what to verify: --all, --service NAME or --migrations DIR.\n");
    }

    @Test
    void should_print_the_usage_on_stderr_and_exit_2_without_arguments_and_on_an_unknown_command() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).startsWith("Usage: java -jar migration-harness.jar COMMAND [options]\n\nCommands:\n  verify   ")
                .contains("  snapshot migrate on a fresh database", "  seed     load a service's seeds",
                        "\nExit codes: 0 passed, 1 a check found an error");
        assertThat(out()).isEmpty();

        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).startsWith("error: Unknown command 'frobnicate'.\nUsage: java -jar migration-harness.jar COMMAND");
    }

    @Test
    void should_print_the_usage_and_the_version_on_stdout_and_exit_0() {
        for (String help : new String[] {"--help", "-h", "help"}) {
            assertThat(run(help)).as(help).isZero();
            assertThat(out()).as(help).startsWith("Usage: java -jar migration-harness.jar COMMAND [options]\n");
        }

        assertThat(run("--version")).isZero();
        assertThat(out()).isEqualTo("migration-harness " + Verifier.harnessVersion() + "\n");
    }

    @Test
    void should_show_the_footnote_of_the_postgres_options_in_the_help_of_verify_and_snapshot_only() {
        String note = "Each --postgres* option may also be set as a system property";
        assertThat(run("verify", "--help")).isZero();
        assertThat(out()).contains(note).endsWith("statement-timeout: and lock-timeout: keys.\n");
        assertThat(run("snapshot", "--help")).isZero();
        assertThat(out()).contains(note);
        assertThat(run("seed", "--help")).isZero();
        assertThat(out()).doesNotContain(note).endsWith("\n\nExit codes: 0 seeded, 1 a seed failed to load, 2 usage error,"
                + " bad fixture or refusal, 3 database unreachable.\n");
    }
}
