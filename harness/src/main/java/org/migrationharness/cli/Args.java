package org.migrationharness.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;

/** A command's options: {@code --name value}, {@code --name=value}, repeatable options and switches. */
final class Args {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Args() {
    }

    /**
     * Parses {@code args}; {@code withValue} are the options that take a value, {@code switches} those that do not.
     */
    static Args parse(String command, List<String> args, Set<String> withValue, Set<String> switches) {
        Args parsed = new Args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (switches.contains(name)) {
                if (value != null) {
                    throw usage(command, name + " takes no value.");
                }
                parsed.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw usage(command, name + " needs a value.");
                    }
                    value = args.get(++i);
                }
                parsed.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else if (arg.startsWith("-")) {
                throw usage(command, "Unknown option " + name + ".");
            } else {
                throw usage(command, "Unexpected argument '" + arg + "'.");
            }
        }
        return parsed;
    }

    static HarnessException usage(String command, String message) {
        return new HarnessException(ErrorCode.USAGE, message + "\nSee: java -jar migration-harness.jar " + command + " --help");
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The option's value; when given more than once, the last. */
    String get(String name) {
        List<String> list = values.get(name);
        return list == null ? null : list.get(list.size() - 1);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }
}
