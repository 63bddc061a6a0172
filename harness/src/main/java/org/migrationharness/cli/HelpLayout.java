package org.migrationharness.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The layout of every command's help, made from its picocli spec: the usage line, the description, the options (the
 * selection's under {@code Selection:}, the others under {@code Options:}), one line per description line with the
 * descriptions in the command's {@link HelpColumn}, the subcommands with their
 * headers, and the footer.
 */
final class HelpLayout {

    /** The width of the options' column of a command without {@link HelpColumn}. */
    private static final int DEFAULT_COLUMN = 25;

    private HelpLayout() {
    }

    static void install(CommandLine line) {
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>();
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS, HelpLayout::synopsis);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpLayout::description);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::options);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commands);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, HelpLayout::footer);
        line.setHelpSectionKeys(new ArrayList<>(sections.keySet()));
        line.setHelpSectionMap(sections);
    }

    /** The options shown in the help: every option but the hidden ones, in declaration order. */
    static List<OptionSpec> visibleOptions(CommandSpec spec) {
        return spec.options().stream().filter(o -> !o.hidden()).toList();
    }

    private static String synopsis(Help help) {
        return "Usage: " + String.join("\n", help.commandSpec().usageMessage().customSynopsis()) + "\n\n";
    }

    private static String description(Help help) {
        String[] lines = help.commandSpec().usageMessage().description();
        return lines.length == 0 ? "" : String.join("\n", lines) + "\n\n";
    }

    private static String options(Help help) {
        CommandSpec spec = help.commandSpec();
        List<OptionSpec> selection = new ArrayList<>();
        List<OptionSpec> others = new ArrayList<>();
        for (OptionSpec option : visibleOptions(spec)) {
            (isSelection(spec, option) ? selection : others).add(option);
        }
        HelpColumn column = spec.userObject().getClass().getAnnotation(HelpColumn.class);
        int width = column == null ? DEFAULT_COLUMN : column.value();
        StringBuilder text = new StringBuilder();
        rows(text, "Selection:", selection, width);
        rows(text, "Options:", others, width);
        return text.toString();
    }

    private static boolean isSelection(CommandSpec spec, OptionSpec option) {
        return spec.mixins().values().stream().filter(m -> m.userObject() instanceof Selection)
                .anyMatch(m -> m.options().contains(option));
    }

    private static void rows(StringBuilder text, String heading, List<OptionSpec> options, int width) {
        if (options.isEmpty()) {
            return;
        }
        text.append(heading).append('\n');
        String indent = " ".repeat(2 + width);
        for (OptionSpec option : options) {
            String label = String.join(", ", option.names()) + (option.arity().max() > 0 ? " " + option.paramLabel() : "");
            String[] lines = option.description();
            if (label.length() < width) {
                text.append("  ").append(label).append(" ".repeat(width - label.length())).append(lines[0]).append('\n');
            } else {
                text.append("  ").append(label).append('\n').append(indent).append(lines[0]).append('\n');
            }
            for (int i = 1; i < lines.length; i++) {
                text.append(indent).append(lines[i]).append('\n');
            }
        }
    }

    private static String commands(Help help) {
        Map<String, CommandLine> subcommands = help.commandSpec().subcommands();
        if (subcommands.isEmpty()) {
            return "";
        }
        int width = subcommands.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
        StringBuilder text = new StringBuilder("Commands:\n");
        subcommands.forEach((name, command) -> {
            if (command.getCommandSpec().usageMessage().hidden()) {
                return;
            }
            String[] header = command.getCommandSpec().usageMessage().header();
            for (int i = 0; i < header.length; i++) {
                text.append("  ").append(String.format("%-" + width + "s", i == 0 ? name : "")).append(header[i])
                        .append('\n');
            }
        });
        return text.toString();
    }

    private static String footer(Help help) {
        StringBuilder text = new StringBuilder();
        for (String line : help.commandSpec().usageMessage().footer()) {
            text.append(line).append('\n');
        }
        return text.toString();
    }
}
