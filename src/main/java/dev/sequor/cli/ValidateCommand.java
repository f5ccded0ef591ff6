package dev.sequor.cli;

import dev.sequor.error.SequorException;
import dev.sequor.run.GraalPyCache;
import dev.sequor.flow.Diagnostics;
import dev.sequor.project.Project;
import dev.sequor.validate.ProjectValidator;
import java.util.List;
import java.util.concurrent.Callable;
import dev.sequor.run.ErrorReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sequor validate [FLOW...]}: parses flows and sources without running anything and lists every
 * problem as {@code file:line:col: message}; exit 0 only when there is no error (and, with --strict, no warning).
 */
@Command(name = "validate",
        description = "Check flows (default: all under flows/) and sources; print every problem as file:line:col: message.")
public class ValidateCommand implements Callable<Integer> {

    @Mixin
    HelpOption helpOption;

    @Parameters(paramLabel = "FLOW", arity = "0..*", description = "Flows to check (path under flows/ without .yaml).")
    List<String> flows;

    @Option(names = {"-p", "--project-dir"}, paramLabel = "DIR", description = "Project folder. Default: the nearest folder from the current one upwards that has a project.yaml.")
    String projectDir;

    @Option(names = "--strict", description = "Treat warnings (such as unknown keys) as errors.")
    boolean strict;

    @Option(names = "--skip-python", description = "Do not compile Python snippets (saves the Python engine's start-up).")
    boolean skipPython;

    @Mixin
    HomeOptions home;

    @Override
    public Integer call() {
        ErrorReporter reporter = new ErrorReporter(System.err, home.stacktrace, false, java.util.Set.of());
        try {
            Project project = Project.load(RunCommand.projectDir(projectDir));
            GraalPyCache.pointInto(home.home(), project);
            List<String> names = flows == null ? null : flows.stream().map(RunCommand::flowName).toList();
            ProjectValidator.Result result = new ProjectValidator(project, !skipPython).validate(names);
            for (Diagnostics.Problem p : result.problems()) {
                System.out.println(p);
            }
            long errors = result.problems().stream().filter(p -> p.severity() == Diagnostics.Severity.ERROR).count();
            long warnings = result.problems().size() - errors;
            System.err.println(result.filesChecked() + " files checked: " + errors + " error" + (errors == 1 ? "" : "s")
                    + ", " + warnings + " warning" + (warnings == 1 ? "" : "s") + ".");
            boolean ok = errors == 0 && (!strict || warnings == 0);
            return ok ? 0 : dev.sequor.error.ExitCode.INVALID_INPUT.code;
        } catch (SequorException e) {
            return reporter.report(e);
        }
    }
}
