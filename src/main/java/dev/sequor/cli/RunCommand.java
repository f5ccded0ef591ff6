package dev.sequor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import dev.sequor.project.Project;
import dev.sequor.project.SequorHome;
import dev.sequor.run.FlowRunRequest;
import dev.sequor.run.FlowRunner;
import dev.sequor.run.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import dev.sequor.run.ErrorReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sequor run FLOW}: runs a flow of the project; exits non-zero when it fails. */
@Command(name = "run", sortOptions = false,
        description = "Run a flow: FLOW is its path under flows/ without .yaml (e.g. salesforce/account_sync).")
public class RunCommand implements Callable<Integer> {

    @Mixin
    HelpOption helpOption;

    /** Optional to picocli, so that without it the error can list the project's flows ({@link #missingFlow()}). */
    @Parameters(paramLabel = "FLOW", arity = "0..1", description = "The flow to run (path under flows/, without .yaml).")
    String flow;

    @Option(names = {"-p", "--project-dir"}, paramLabel = "DIR", description = "Project folder. Default: the nearest folder from the current one upwards that has a project.yaml.")
    String projectDir;

    @Option(names = "--env", paramLabel = "NAME",
            description = "Environment (home/envs/NAME.yaml). Default: env.yaml of the project, else $SEQUOR_ENV, else none.")
    String env;

    @Option(names = "--op-id", paramLabel = "ID", description = "Run only the op with this id (at any nesting level).")
    String opId;

    @Option(names = "--record", paramLabel = "DIR", description = "Save every HTTP exchange (credentials redacted) in DIR.")
    Path recordDir;

    @Option(names = "--replay", paramLabel = "DIR",
            description = "Answer HTTP requests from the recordings in DIR, without using the network.")
    Path replayDir;

    @Option(names = "--disable-flow-stacktrace", description = "On error, do not print the stack of ops.")
    boolean disableFlowStacktrace;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress lines (errors and print output only).")
    boolean quiet;

    @Option(names = "--debug-httprequest-foreach-test-record", paramLabel = "JSON",
            description = "Use this JSON object as the only for_each row of http_request ops.")
    String foreachTestRecord;

    @Option(names = "--debug-httprequest-preview-trace",
            description = "http_request ops only send their request and print the exchange to stderr (no checks, no writes).")
    boolean previewTrace;

    @Option(names = "--debug-httprequest-preview-pretty",
            description = "http_request ops only send their request and print the response body, pretty, to stdout.")
    boolean previewPretty;

    @Option(names = "--debug-httprequest-response-parser-preview",
            description = "http_request ops send one request and print the rows they would write, writing nothing.")
    boolean parserPreview;

    @Mixin
    HomeOptions home;

    @Override
    public Integer call() {
        if (flow == null) {
            return missingFlow();
        }
        try {
            if (recordDir != null && replayDir != null) {
                throw SequorException.invalid(null, "--record and --replay cannot be used together.");
            }
            RunOptions options = new RunOptions(blankToNull(opId), testRecord(), previewTrace, previewPretty,
                    parserPreview, recordDir, replayDir);
            FlowRunRequest request = new FlowRunRequest(projectDir(projectDir), home.homeDir, env, flowName(flow),
                    options, quiet, home.stacktrace, !disableFlowStacktrace);
            return new FlowRunner(System.out, System.err).run(request);
        } catch (SequorException e) {
            return new ErrorReporter(System.err, home.stacktrace, false, Set.of()).report(e);
        }
    }

    /** Accepts upstream's documented-but-wrong form {@code flows/x.yaml} as well as {@code x}. */
    static String flowName(String given) {
        String name = given.replace('\\', '/');
        if (name.startsWith("flows/")) {
            name = name.substring("flows/".length());
        }
        if (name.endsWith(".yaml")) {
            name = name.substring(0, name.length() - ".yaml".length());
        }
        return name;
    }

    /**
     * {@code sequor run} without FLOW: picocli's usage error, followed by the flows of the project (when the command
     * is in one) to pick from; exit code 2 as for any wrong command line.
     */
    private int missingFlow() {
        StringBuilder text = new StringBuilder(
                "Error: Missing required parameter: 'FLOW'. Run 'sequor run --help' for usage.");
        try {
            Project project = Project.load(projectDir(projectDir));
            List<String> flows = project.flowNames();
            if (!flows.isEmpty()) {
                text.append("\nFlows of project '").append(project.name()).append("':");
                flows.forEach(name -> text.append("\n  ").append(name));
            }
        } catch (SequorException e) {
            // not in a project, or an unreadable one: the usage error alone says enough
        }
        System.err.println(text);
        System.err.flush();
        return ExitCode.INVALID_INPUT.code;
    }

    static Path projectDir(String option) {
        if (option == null) {
            return Project.discover(Path.of(""));
        }
        Path dir = SequorHome.expand(option).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw SequorException.invalid(null, "Project directory passed as CLI --project-dir argument does not exist: "
                    + option);
        }
        return dir;
    }

    private Map<String, Object> testRecord() {
        if (foreachTestRecord == null) {
            return null;
        }
        try {
            Object v = new ObjectMapper().readValue(foreachTestRecord, Object.class);
            if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> record = (Map<String, Object>) m;
                return record;
            }
            throw SequorException.invalid(null, "--debug-httprequest-foreach-test-record must be a JSON object, e.g."
                    + " '{\"email\": \"a@b.c\"}'.");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw SequorException.invalid(null, "Cannot parse --debug-httprequest-foreach-test-record as JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
