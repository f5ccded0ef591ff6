package dev.sequor.run;

import dev.sequor.expr.python.subset.SnippetOutput;
import dev.sequor.http.SecretSet;
import dev.sequor.project.Environment;
import dev.sequor.project.Project;
import dev.sequor.project.SequorHome;
import dev.sequor.run.progress.Colours;
import dev.sequor.run.progress.ProgressDisplay;
import dev.sequor.run.progress.Terminal;
import dev.sequor.run.progress.ProgressReporter;
import dev.sequor.run.progress.RunStats;
import dev.sequor.run.progress.StatsLines;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs a flow from start to exit code: loads the project and environment, runs the flow (or one op), and
 * reports a failure through the {@link ErrorReporter}. The CLI's {@code run} and the golden flow tests both
 * go through here, so tests see exactly what users see. Standard output and error (a snippet's
 * {@code print()} included) pass through the run's {@link SecretSet}, which knows the environment's and the
 * sources' credentials before the first op runs.
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
        SecretSet secrets = new SecretSet();
        PrintStream systemOutBefore = System.out;
        PrintStream systemErrBefore = System.err;
        // asked once: the progress line and colour are for the process's own standard error, when it is a terminal
        boolean errIsTerminal = this.err == systemErrBefore && Terminal.isTerminal(2);
        Colours colours = Colours.of(errIsTerminal, System.getenv());
        ProgressDisplay display = ProgressDisplay.choose(this.err, errIsTerminal, this.out == systemOutBefore,
                request.quiet(), colours);
        PrintStream out = masked(display.out(this.out), secrets);
        PrintStream err = masked(display.err(this.err), secrets);
        PrintStream snippetOutBefore = SnippetOutput.set(out);
        // Run from the command line, the process streams themselves are masked for the run: GraalPy's print()
        // and libraries write to System.out/err, not to the streams handed to us.
        if (this.out == systemOutBefore) {
            System.setOut(out);
        }
        if (this.err == systemErrBefore) {
            System.setErr(err);
        }
        try {
            SequorHome home = SequorHome.resolve(request.homeDir());
            Project project = Project.load(request.projectDir());
            Environment environment = Environment.select(home, project, request.env());
            secrets.addAll(environment.secretValues());
            GraalPyCache.pointInto(home, project);
            RunStats stats = new RunStats(System::nanoTime);
            try (RunLog log = new RunLog(err, home.logFile(), request.quiet(), secrets, colours);
                 RunContext run = new RunContext(project, home, environment, request.options(), out, log, secrets,
                         stats)) {
                Interpreter interpreter = new Interpreter(run);
                interpreter.prepareHttpEarly(request.flow());
                secrets.addAll(SourceSecrets.of(run));
                ProgressReporter progress = display.start(stats, log::info, secrets::mask);
                try {
                    if (request.options().opId() != null) {
                        interpreter.runOp(request.flow(), request.options().opId());
                    } else {
                        interpreter.runFlow(request.flow());
                    }
                    return 0;
                } catch (RuntimeException e) {
                    log.errorToFile(String.valueOf(e.getMessage()));
                    throw e;
                } finally {
                    progress.close();
                    // after the run, before its error (if any): the error is what a person must read last
                    stats.ops().forEach(op -> log.info(StatsLines.summary(op, stats.now())));
                }
            }
        } catch (RuntimeException e) {
            return new ErrorReporter(err, request.javaStacktrace(), request.flowStacktrace(), secrets.snapshot(), colours)
                    .report(e);
        } finally {
            SnippetOutput.set(snippetOutBefore);
            out.flush();
            err.flush();
            System.setOut(systemOutBefore);
            System.setErr(systemErrBefore);
        }
    }

    private static PrintStream masked(OutputStream stream, SecretSet secrets) {
        // no autoflush: PrintStream would flush after every print() and cut lines before they can be masked;
        // whole lines reach the stream as soon as they end anyway
        return new PrintStream(new RedactingOutputStream(stream, secrets), false, StandardCharsets.UTF_8);
    }
}
