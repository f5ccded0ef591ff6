package dev.sequor.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sequor}: the top command; every action is a subcommand. Alone, it prints the help (what a first try of a
 * new tool should show); {@code sequor help [COMMAND]} does too. {@code -V/--version} is an option of this command
 * only: on a subcommand it would be read as that command's own option.
 */
@TopCommand
@Command(name = "sequor", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "SQL-centric API integrations: YAML flows that call APIs, land responses in database tables,"
                + " transform with SQL and push rows back to APIs.",
        subcommands = {RunCommand.class, ValidateCommand.class, ListCommand.class, InitCommand.class, EnvCommand.class,
                SchemaCommand.class, VersionCommand.class, CompletionCommand.class, HelpCommand.class})
public class SequorCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
