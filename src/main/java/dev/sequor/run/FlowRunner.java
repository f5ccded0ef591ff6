package dev.sequor.run;

import dev.sequor.project.Environment;
import dev.sequor.project.Project;
import dev.sequor.project.SequorHome;
import java.io.PrintStream;
import java.util.Set;

/**
 * Runs a flow from start to exit code: loads the project and environment, runs the flow (or one op), and
 * reports a failure through the {@link ErrorReporter}. The CLI's {@code run} and the golden flow tests both
 * go through here, so tests see exactly what users see.
 */
public final class FlowRunner {

    private final PrintStream out;
    private final PrintStream err;

    public FlowRunner(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs and returns the process exit code. */
    public int run(FlowRunRequest request) {
        Set<String> secrets = Set.of();
        try {
            SequorHome home = SequorHome.resolve(request.homeDir());
            Project project = Project.load(request.projectDir());
            Environment environment = Environment.select(home, project, request.env());
            GraalPyCache.pointInto(home, project);
            try (RunLog log = new RunLog(err, home.logFile(), request.quiet());
                 RunContext run = new RunContext(project, home, environment, request.options(), out, log)) {
                try {
                    Interpreter interpreter = new Interpreter(run);
                    if (request.options().opId() != null) {
                        interpreter.runOp(request.flow(), request.options().opId());
                    } else {
                        interpreter.runFlow(request.flow());
                    }
                    return 0;
                } catch (RuntimeException e) {
                    secrets = run.secrets();
                    log.errorToFile(String.valueOf(e.getMessage()));
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            return new ErrorReporter(err, request.javaStacktrace(), request.flowStacktrace(), secrets).report(e);
        } finally {
            out.flush();
        }
    }
}
