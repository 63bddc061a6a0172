package org.migrationharness.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.check.Verifier;

import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line: {@code verify}, {@code snapshot}, {@code seed}, {@code dev}. The only place that writes to stdout and decides
 * exit codes: 0 every check passed, 1 an error finding, 2 usage or input error, 3 environment error.
 *
 * <p>The commands are picocli {@code @Command}s ({@link MigrationHarnessCommand} and its subcommands); their options
 * are parsed here, a parameter error becomes a usage error (exit 2) naming the option, and every failure a
 * {@link HarnessException} whose code is the exit code.
 */
public final class Main {

    private static final Pattern EXPECTED_PARAMETER = Pattern.compile("Expected parameter for option '([^']+)'");
    private static final Pattern WITHOUT_PARAMETER = Pattern.compile("option '([^']+)' should be specified without");

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
        CommandLine line = commandLine(out, err);
        if (args.length == 0) {
            err.print(line.getUsageMessage());
            return ErrorCode.USAGE.exitCode();
        }
        if (args[0].equals("help")) {
            out.print(line.getUsageMessage());
            return 0;
        }
        try {
            return execute(line, out, args);
        } catch (HarnessException e) {
            if (!Interrupts.interrupted()) { // a statement cancelled by the interrupt is no error of the run
                err.println("error: " + e.getMessage());
            }
            return e.code().exitCode();
        }
    }

    /** The whole command line: {@code migration-harness} and its subcommands, printing to {@code out} and {@code err}. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine line = commandLine(new MigrationHarnessCommand());
        line.getCommandSpec().version("migration-harness " + Verifier.harnessVersion());
        line.addSubcommand(commandLine(new VerifyCommand(out, err)));
        line.addSubcommand(commandLine(new SnapshotCommand(out, err)));
        line.addSubcommand(commandLine(new SeedCommand(out, err)));
        line.addSubcommand(commandLine(new DevCommand(out, err)));
        return line;
    }

    /** One command, parsed as every command of the harness is parsed, with the harness's help layout. */
    static CommandLine commandLine(Object command) {
        CommandLine line = new CommandLine(command);
        line.setOverwrittenOptionsAllowed(true); // a single option given twice: the last wins
        line.setExpandAtFiles(false); // an argument starting with @ is a value, not a file of arguments
        line.setUnmatchedOptionsAllowedAsOptionParameters(false); // "--service --bogus": --service needs a value
        HelpLayout.install(line);
        return line;
    }

    /**
     * Parses {@code args} with {@code line} and runs the command they name: prints the help or the version when asked
     * for (on {@code out}), else calls the command. A parameter error is a usage error naming the option.
     *
     * @return the command's exit code
     * @throws HarnessException on any error; its code is the exit code
     */
    static int execute(CommandLine line, PrintStream out, String... args) {
        ParseResult parsed;
        try {
            parsed = line.parseArgs(args);
        } catch (ParameterException e) {
            throw usage(e);
        }
        ParseResult leaf = parsed;
        while (leaf.subcommand() != null) {
            leaf = leaf.subcommand();
        }
        CommandLine command = leaf.commandSpec().commandLine();
        if (!leaf.unmatched().isEmpty()) { // picocli keeps them, unreported, when help is asked for
            throw usage(new UnmatchedArgumentException(command, leaf.unmatched()));
        }
        if (leaf.isUsageHelpRequested()) {
            out.print(command.getUsageMessage());
            return 0;
        }
        if (leaf.isVersionHelpRequested()) {
            for (String version : leaf.commandSpec().version()) {
                out.println(version);
            }
            return 0;
        }
        if (!(command.getCommand() instanceof Callable<?> callable)) {
            throw usage(null, "Say which command to run.");
        }
        try {
            return (Integer) callable.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, e.getMessage(), e);
        }
    }

    /** A usage error: the message and where the command's options are described. */
    static HarnessException usage(String command, String message) {
        return new HarnessException(ErrorCode.USAGE, message + "\nSee: java -jar migration-harness.jar "
                + (command == null ? "" : command + " ") + "--help");
    }

    /** A parameter error as the harness words it: the option, and what is wrong with it. */
    private static HarnessException usage(ParameterException e) {
        CommandLine where = e.getCommandLine();
        boolean topLevel = where.getParent() == null && !where.getSubcommands().isEmpty();
        String command = topLevel ? null : where.getCommandName();
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().get(0);
            if (topLevel && !arg.startsWith("-")) {
                return new HarnessException(ErrorCode.USAGE, "Unknown command '" + arg + "'.\n" + where.getUsageMessage());
            }
            if (arg.startsWith("-")) {
                int eq = arg.indexOf('=');
                return usage(command, "Unknown option " + (arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg)
                        + ".");
            }
            return usage(command, "Unexpected argument '" + arg + "'.");
        }
        // picocli 4.7's wording when a value is missing before another option, or a switch has one
        Matcher expected = EXPECTED_PARAMETER.matcher(e.getMessage());
        if (expected.find()) {
            return usage(command, expected.group(1) + " needs a value.");
        }
        Matcher without = WITHOUT_PARAMETER.matcher(e.getMessage());
        if (without.find()) {
            return usage(command, without.group(1) + " takes no value.");
        }
        if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof OptionSpec option) {
            return usage(command, option.longestName() + " needs a value.");
        }
        return usage(command, e.getMessage() + ".");
    }

    /**
     * The values of a command's (or mixin's) options as given, by name ({@code --postgres-version}): the last for a
     * repeated option, "true" for a switch given; null for an option not given or unknown. What
     * {@link org.migrationharness.internal.Settings} looks up before the system property and the environment.
     */
    static Function<String, String> optionValues(CommandSpec spec) {
        return name -> {
            OptionSpec option = spec.findOption(name);
            if (option == null) {
                return null;
            }
            Object value = option.getValue();
            if (value instanceof Boolean given) {
                return given ? "true" : null;
            }
            if (value instanceof List<?> list) {
                value = list.isEmpty() ? null : list.get(list.size() - 1);
            }
            return value == null ? null : value.toString();
        };
    }
}
