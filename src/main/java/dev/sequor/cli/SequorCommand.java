package dev.sequor.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** {@code sequor}: the top command; every action is a subcommand. */
@TopCommand
@Command(name = "sequor", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "SQL-centric API integrations: YAML flows that call APIs, land responses in database tables,"
                + " transform with SQL and push rows back to APIs.",
        subcommands = {RunCommand.class, ValidateCommand.class, InitCommand.class, EnvCommand.class,
                VersionCommand.class})
public class SequorCommand {
}
