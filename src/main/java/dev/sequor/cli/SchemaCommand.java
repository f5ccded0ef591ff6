package dev.sequor.cli;

import dev.sequor.error.SequorException;
import dev.sequor.flow.spec.JsonSchemas;
import dev.sequor.flow.spec.OpReference;
import dev.sequor.project.Project;
import dev.sequor.run.ErrorReporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sequor schema [KIND]}: prints the JSON Schema of flow, source, project or environment files, written from
 * the key specs the parser reads; {@code --write} refreshes the project's copies (those {@code sequor init} wrote),
 * {@code --markdown} prints the op key reference the README holds.
 */
@Command(name = "schema",
        description = "Print the JSON Schema of flow (default), source, project or env files, for editors.",
        footer = {"", "sequor init writes the schemas under .sequor/schema/ and a .vscode/settings.json that applies"
                + " them; run `sequor schema --write` after upgrading Sequor to refresh them."})
public class SchemaCommand implements Callable<Integer> {

    @Mixin
    HelpOption helpOption;

    @Parameters(paramLabel = "KIND", arity = "0..1", defaultValue = "flow",
            description = "flow, source, project or env. Default: flow.")
    String kind;

    @Option(names = "--write", description = "Write every schema into the project's " + SchemaFiles.DIR + "/ folder.")
    boolean write;

    @Option(names = "--markdown", description = "Print the reference of every op's keys (Markdown) instead.")
    boolean markdown;

    @Option(names = {"-p", "--project-dir"}, paramLabel = "DIR",
            description = "Project folder for --write. Default: the nearest folder from the current one upwards that"
                    + " has a project.yaml.")
    String projectDir;

    @Mixin
    HomeOptions home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!JsonSchemas.KINDS.contains(kind)) {
            throw new ParameterException(spec.commandLine(), "Unknown schema kind: '" + kind + "'; expected one of "
                    + String.join(", ", JsonSchemas.KINDS));
        }
        if (markdown) {
            System.out.print(OpReference.markdown());
        } else if (write) {
            return write();
        } else {
            System.out.print(JsonSchemas.text(kind));
        }
        System.out.flush();
        return 0;
    }

    private int write() {
        try {
            Project project = Project.load(RunCommand.projectDir(projectDir));
            for (Path file : SchemaFiles.write(project.dir())) {
                System.err.println("Wrote " + project.display(file));
            }
            return 0;
        } catch (IOException e) {
            return new ErrorReporter(System.err, home.stacktrace, false, Set.of()).report(SequorException.invalid(null,
                    "Cannot write the schemas: " + e.getMessage()));
        } catch (SequorException e) {
            return new ErrorReporter(System.err, home.stacktrace, false, Set.of()).report(e);
        }
    }
}
