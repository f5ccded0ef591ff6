package dev.sequor.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The picocli command line Quarkus runs. A wrong command line (unknown option, missing FLOW...) prints one
 * {@code Error:} line pointing at {@code --help}, like every other error of the tool, instead of picocli's
 * default of the error followed by the whole usage text; the exit code stays 2. The subcommands are those the
 * arguments can reach ({@link SequorCommand#addSubcommands}).
 */
@ApplicationScoped
public class CommandLineSetup {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory, CommandLine.IFactory commands,
                            @CommandLineArguments String[] args) {
        return SequorCommand.addSubcommands(factory.create(), commands, args)
                .setParameterExceptionHandler(CommandLineSetup::usageError);
    }

    static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String message = e.getMessage();
        // picocli ends some of its messages with a full stop ("Unknown subcommand 'x'."), others not
        StringBuilder line = new StringBuilder("Error: ").append(message.endsWith(".")
                ? message.substring(0, message.length() - 1) : message);
        if (e instanceof UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean '").append(suggestions.get(0)).append("'?)");
            }
        }
        line.append(". Run '").append(cmd.getCommandSpec().qualifiedName()).append(" --help' for usage.");
        System.err.println(line);
        System.err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }
}
