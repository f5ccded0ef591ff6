package dev.sequor.cli;

import dev.sequor.error.SequorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import dev.sequor.run.ErrorReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sequor env}: manages environments (files of variables in the home folder). */
@Command(name = "env", description = "Manage environments.",
        subcommands = EnvCommand.Init.class)
public class EnvCommand {

    @Mixin
    HelpOption helpOption;

    /**
     * {@code sequor env init NAME}: creates {@code <home>/envs/NAME.yaml} holding {@code variables:}, its first line a
     * modeline that points editors at {@code <home>/env.schema.json} (written too), as {@code sequor init} does for
     * the files of a project.
     */
    @Command(name = "init",
            description = "Create an environment file <home>/envs/NAME.yaml to hold variables such as credentials.")
    public static class Init implements Callable<Integer> {

        @Mixin
        HelpOption helpOption;

        @Parameters(paramLabel = "NAME", description = "Environment name, e.g. dev or prod.")
        String name;

        @Mixin
        HomeOptions home;

        @Override
        public Integer call() {
            ErrorReporter reporter = new ErrorReporter(System.err, home.stacktrace, false, java.util.Set.of());
            try {
                Path file = home.home().envFile(name).toAbsolutePath();
                if (Files.exists(file)) {
                    throw SequorException.invalid(null, "Environment with such name already exists: " + file);
                }
                Files.createDirectories(file.getParent());
                // the schema is rewritten by each init, so it follows the Sequor version that wrote the newest file
                SchemaFiles.writeEnvSchema(home.home());
                Files.writeString(file, SchemaFiles.envModeline() + "variables:\n");
                System.out.println("Environment initialized successfully: " + file);
                // the first line is upstream's; the rest says what to do next
                System.out.println("Put variables (credentials, hosts) under 'variables:' there; flows read them with"
                        + " var('NAME').");
                System.out.println("A run uses it with --env " + name + ", or when SEQUOR_ENV=" + name
                        + " is set, or when the project's env.yaml says 'env: " + name + "'.");
                return 0;
            } catch (IOException e) {
                return reporter.report(SequorException.invalid(null, "Error initializing environment \"" + name + "\": "
                        + e.getMessage()));
            } catch (RuntimeException e) {
                return reporter.report(e);
            }
        }
    }
}
