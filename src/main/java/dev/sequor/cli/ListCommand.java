package dev.sequor.cli;

import dev.sequor.error.SequorException;
import dev.sequor.project.Project;
import dev.sequor.run.ErrorReporter;
import dev.sequor.run.SourceFiles;
import dev.sequor.yaml.YNode.YMap;
import dev.sequor.yaml.YNode.YScalar;
import dev.sequor.yaml.YamlLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sequor list}: what a project holds, for a person finding their way in it: its flows (the names
 * {@code sequor run} takes) with the first line of each one's {@code description}, and its sources with their types.
 * Nothing is run or checked ({@code sequor validate} does that); a file that cannot be read shows without details.
 */
@Command(name = "list",
        description = "List the project's flows (with their descriptions) and sources (with their types).")
public class ListCommand implements Callable<Integer> {

    @Mixin
    HelpOption helpOption;

    @Option(names = {"-p", "--project-dir"}, paramLabel = "DIR",
            description = "Project folder. Default: the nearest folder from the current one upwards that has a"
                    + " project.yaml.")
    String projectDir;

    @Mixin
    HomeOptions home;

    @Override
    public Integer call() {
        try {
            Project project = Project.load(RunCommand.projectDir(projectDir));
            PrintStream out = System.out;
            out.println("Flows:");
            printTable(out, flows(project), "(none: add YAML files under flows/)");
            out.println("Sources:");
            SourceFiles sources = new SourceFiles(project);
            Map<String, String> types = new LinkedHashMap<>();
            for (String name : sources.names()) {
                String type = sources.declaredType(name);
                types.put(name, type == null ? "(no type)" : type);
            }
            printTable(out, types, "(none: add YAML files under sources/)");
            out.flush();
            return 0;
        } catch (SequorException e) {
            return new ErrorReporter(System.err, home.stacktrace, false, Set.of()).report(e);
        }
    }

    /** Every flow of the project by the name {@code run} takes, with its description's first line. */
    private static Map<String, String> flows(Project project) {
        Map<String, String> flows = new LinkedHashMap<>();
        for (String name : project.flowNames()) {
            flows.put(name, description(project.flowFile(name), name, project));
        }
        return flows;
    }

    private static String description(Path file, String name, Project project) {
        try {
            if (YamlLoader.loadFile(file, project.display(file)).orElse(null) instanceof YMap map
                    && map.get("description") instanceof YScalar s && s.value() != null) {
                String text = String.valueOf(s.value()).strip();
                int nl = text.indexOf('\n');
                return nl < 0 ? text : text.substring(0, nl).strip();
            }
            return "";
        } catch (SequorException e) {
            return "(cannot be read: 'sequor validate " + name + "' says why)";
        }
    }

    private static void printTable(PrintStream out, Map<String, String> rows, String none) {
        if (rows.isEmpty()) {
            out.println("  " + none);
            return;
        }
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        rows.forEach((name, about) ->
                out.println(("  " + name + " ".repeat(width - name.length() + 2) + about).stripTrailing()));
    }
}
