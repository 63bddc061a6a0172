package org.migrationharness.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.check.Verifier;

/**
 * The command line: {@code verify}, {@code snapshot}, {@code seed}. The only place that writes to stdout and decides
 * exit codes: 0 every check passed, 1 an error finding, 2 usage or input error, 3 environment error.
 */
public final class Main {

    static final String USAGE = """
            Usage: java -jar migration-harness.jar COMMAND [options]

            Commands:
              verify   apply every migration up, check names, versions, down scripts, the schema and seeds
                       (verify --help for its options)
              snapshot migrate on a fresh database and write the schema as JSON, or a service's expected-schema.json
                       (snapshot --help for its options)
              seed     load a service's seeds of one environment into a development database, in one transaction
                       (seed --help for its options)

            Exit codes: 0 passed, 1 a check found an error, 2 usage or input error, 3 no PostgreSQL could be started or reached.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        // every line printed, by the harness or a library logging to stderr, goes through the one masking function
        System.setOut(MaskingPrintStream.wrap(System.out));
        System.setErr(MaskingPrintStream.wrap(System.err));
        Interrupts.install(System.err);
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Runs one command; returns its exit code. Passwords are masked in everything it prints. */
    public static int run(String[] args, PrintStream rawOut, PrintStream rawErr) {
        PrintStream out = MaskingPrintStream.wrap(rawOut);
        PrintStream err = MaskingPrintStream.wrap(rawErr);
        try {
            return Interrupts.finish(command(args, out, err));
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int command(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? ErrorCode.USAGE.exitCode() : 0;
        }
        if (args[0].equals("--version")) {
            out.println("migration-harness " + Verifier.harnessVersion());
            return 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "verify" -> new VerifyCommand(out, err).run(rest);
                case "snapshot" -> new SnapshotCommand(out, err).run(rest);
                case "seed" -> new SeedCommand(out, err).run(rest);
                default -> throw new HarnessException(ErrorCode.USAGE, "Unknown command '" + args[0] + "'.\n" + USAGE);
            };
        } catch (HarnessException e) {
            if (!Interrupts.interrupted()) { // a statement cancelled by the interrupt is no error of the run
                err.println("error: " + e.getMessage());
            }
            return e.code().exitCode();
        }
    }
}
