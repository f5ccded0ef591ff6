package dev.sequor.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sequor}: the top command; every action is a subcommand. Alone, it prints the help (what a first try of a
 * new tool should show); {@code sequor help [COMMAND]} does too. {@code -V/--version} is an option of this command
 * only: on a subcommand it would be read as that command's own option.
 *
 * <p>The subcommands are added by {@link #addSubcommands}, not named in the annotation: picocli reads a command's
 * annotations when it is added, which costs a fresh JVM milliseconds per command, so a command line that names one
 * gets only that one (docs/decisions.md, "The command line's model built for the command given").
 */
@TopCommand
@Command(name = "sequor", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "SQL-centric API integrations: YAML flows that call APIs, land responses in database tables,"
                + " transform with SQL and push rows back to APIs.")
public class SequorCommand implements Runnable {

    /** Every subcommand by its name, in the order the help lists them. */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    /** Subcommands that read the whole tree: help describes its siblings, completion writes them all out. */
    private static final Set<String> NEED_ALL = Set.of("help", "completion");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("run", RunCommand.class);
        all.put("validate", ValidateCommand.class);
        all.put("list", ListCommand.class);
        all.put("init", InitCommand.class);
        all.put("env", EnvCommand.class);
        all.put("schema", SchemaCommand.class);
        all.put("version", VersionCommand.class);
        all.put("completion", CompletionCommand.class);
        all.put("help", HelpCommand.class);
        return all;
    }

    /**
     * Adds to {@code top} the subcommands {@code args} can reach: only the one its first argument names, or all of
     * them when it names none (an option such as {@code --help}, a mistyped command, which picocli then matches
     * against all of them for its suggestion) or needs the others ({@code help}, {@code completion}).
     */
    static CommandLine addSubcommands(CommandLine top, CommandLine.IFactory factory, String... args) {
        String first = args.length == 0 ? "" : args[0];
        Class<?> named = SUBCOMMANDS.get(first);
        if (named != null && !NEED_ALL.contains(first)) {
            return top.addSubcommand(first, subcommand(named, factory));
        }
        SUBCOMMANDS.forEach((name, type) -> top.addSubcommand(name, subcommand(type, factory)));
        return top;
    }

    private static CommandLine subcommand(Class<?> type, CommandLine.IFactory factory) {
        try {
            return new CommandLine(factory.create(type), factory);
        } catch (Exception e) {
            throw new CommandLine.InitializationException("Cannot create the " + type.getSimpleName() + " command", e);
        }
    }
}
