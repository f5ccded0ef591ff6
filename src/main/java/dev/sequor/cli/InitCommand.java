package dev.sequor.cli;

import dev.sequor.error.SequorException;
import dev.sequor.project.SequorHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import dev.sequor.run.ErrorReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code sequor init DIR}: creates a project: {@code project.yaml}, {@code flows/} with a first flow, and
 * {@code sources/} with an embedded DuckDB database, so {@code sequor run hello} works at once; and the JSON Schemas
 * of its files with a {@code .vscode/settings.json} and modelines that point editors at them ({@link SchemaFiles}).
 */
@Command(name = "init", description = "Create a new Sequor project in DIR.")
public class InitCommand implements Callable<Integer> {

    @Mixin
    HelpOption helpOption;

    @Parameters(paramLabel = "DIR", description = "Folder of the new project (created; must be empty if it exists).")
    String dir;

    @Mixin
    HomeOptions home;

    @Override
    public Integer call() {
        try {
            Path target = SequorHome.expand(dir).toAbsolutePath().normalize();
            if (Files.exists(target) && !isEmptyDir(target)) {
                throw SequorException.invalid(null, "Project directory '" + dir + "' already exists and is not empty.");
            }
            String name = target.getFileName().toString();
            Files.createDirectories(target.resolve("flows"));
            Files.createDirectories(target.resolve("sources"));
            InitTemplates templates = new InitTemplates();
            Files.writeString(target.resolve("project.yaml"), SchemaFiles.modeline("project", 0)
                    + templates.get("init/project.yaml").data("name", name).render());
            Files.writeString(target.resolve("flows/hello.yaml"), SchemaFiles.modeline("flow", 1)
                    + templates.get("init/hello.yaml").data("name", name).render());
            Files.writeString(target.resolve("sources/local_db.yaml"), SchemaFiles.modeline("source", 1)
                    + templates.get("init/local_db.yaml").render());
            Files.writeString(target.resolve(".gitignore"), templates.get("init/gitignore").render());
            SchemaFiles.write(target);
            Files.createDirectories(target.resolve(".vscode"));
            Files.writeString(target.resolve(".vscode/settings.json"), SchemaFiles.vscodeSettings());
            System.err.println("Project initialized successfully at " + target);
            System.err.println("Next: cd " + dir + " && sequor run hello");
            return 0;
        } catch (IOException e) {
            return new ErrorReporter(System.err, home.stacktrace, false, java.util.Set.of())
                    .report(SequorException.invalid(null, "Error initializing project \"" + dir + "\": " + e.getMessage()));
        } catch (RuntimeException e) {
            return new ErrorReporter(System.err, home.stacktrace, false, java.util.Set.of()).report(e);
        }
    }

    private static boolean isEmptyDir(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }
}
