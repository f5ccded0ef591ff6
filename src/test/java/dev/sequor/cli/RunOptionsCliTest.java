package dev.sequor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options of {@code sequor run} that change what a run shows or does: {@code --op-id}, {@code --stacktrace},
 * {@code --disable-flow-stacktrace}, the HTTP preview flags; plus {@code --help} of every command and wrong
 * command lines, which are one {@code Error:} line and exit code 2.
 */
@QuarkusMainTest
class RunOptionsCliTest {

    private static final String TOKEN = "s3cr3t-TOKEN-42";
    private static final String FAILING_FLOW = """
            steps:
              - op: block
                title: outer
                steps:
                  - op: print
                    id: p
                    message: "{{ var('missing') }}"
            """;
    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @TempDir
    Path tmp;
    Path home;

    @BeforeEach
    void reset() throws IOException {
        api.resetAll();
        home = tmp.resolve("home");
        Files.createDirectories(home.resolve("envs"));
        Files.writeString(home.resolve("envs/test.yaml"), "variables:\n  api_token: \"" + TOKEN + "\"\n"
                + "  base_url: \"" + api.baseUrl() + "\"\n");
    }

    @Test
    void opIdRunsOnlyTheNestedOpEvenWhenOtherStepsWouldFail(QuarkusMainLauncher launcher) throws IOException {
        project("""
                steps:
                  - op: print
                    message: "{{ var('undefined_here') }}"
                  - op: if
                    conditions:
                      - condition: "false"
                        then:
                          - op: try
                            steps:
                              - op: print
                                id: deep
                                message: "deep only"
                            catch:
                              - op: print
                                message: "caught"
                  - op: print
                    message: "never"
                """);
        LaunchResult r = run(launcher, "--op-id", "deep");
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        assertThat(r.getOutput()).isEqualTo("deep only");
        assertThat(r.getErrorOutput()).isEmpty();
    }

    @Test
    void noJavaStackTraceUnlessAsked(QuarkusMainLauncher launcher) throws IOException {
        project(FAILING_FLOW);
        String headline = "flows/main.yaml:7:18: Error in \"print: p\": Error rendering Jinja template: Variable"
                + " 'missing' is not defined";
        LaunchResult plain = run(launcher);
        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.getErrorOutput()).isEqualTo(headline + "\n"
                + "Stacktrace (most recent op last):\n"
                + "\"run_flow: main\"\n"
                + "  -> \"block: outer\" [step 1 in flow \"main\"]\n"
                + "    -> \"print: p\" [step 1 in block \"outer\"]\n"
                + hintForMissing());
        assertThat(plain.getErrorOutput()).doesNotContain("\tat ").doesNotContain("Java stacktrace");

        LaunchResult java = run(launcher, "--stacktrace");
        assertThat(java.exitCode()).isEqualTo(1);
        assertThat(java.getErrorOutput()).startsWith(plain.getErrorOutput() + "\nJava stacktrace:\n"
                + "dev.sequor.run.OpFailure: Error rendering Jinja template: Variable 'missing' is not defined\n"
                + "\tat dev.sequor.");
    }

    @Test
    void stackTraceOptionAlsoCoversErrorsOutsideOps(QuarkusMainLauncher launcher) throws IOException {
        project(FAILING_FLOW);
        LaunchResult plain = run(launcher, "nope");
        String message = "Error: Flow \"nope\" not found: file does not exist: " + tmp.resolve("flows/nope.yaml");
        assertThat(plain.exitCode()).isEqualTo(2);
        assertThat(plain.getErrorOutput()).startsWith(message).doesNotContain("\tat ");
        LaunchResult java = run(launcher, "nope", "--stacktrace");
        assertThat(java.exitCode()).isEqualTo(2);
        assertThat(java.getErrorOutput()).startsWith(plain.getErrorOutput() + "\nJava stacktrace:\n")
                .contains("\tat dev.sequor.");
    }

    @Test
    void disableFlowStacktraceLeavesOnlyTheLocatedMessage(QuarkusMainLauncher launcher) throws IOException {
        project(FAILING_FLOW);
        LaunchResult r = run(launcher, "--disable-flow-stacktrace");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.getErrorOutput()).isEqualTo("flows/main.yaml:7:18: Error in \"print: p\": Error rendering Jinja"
                + " template: Variable 'missing' is not defined\n" + hintForMissing());
    }

    /** The line after an undefined variable's error: the environment in use and where variables come from. */
    private String hintForMissing() {
        return "hint: the environment in use is 'test' (" + home.resolve("envs/test.yaml") + "); define the variable"
                + " under 'variables:' there, or with set_variable, or the parameters of run_flow.";
    }

    @Test
    void previewTracePrintsTheExchangeWithCredentialsMaskedAndWritesNothing(QuarkusMainLauncher launcher)
            throws IOException {
        stubItems();
        project(HTTP_FLOW);
        LaunchResult r = run(launcher, "--debug-httprequest-preview-trace");
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        assertThat(r.getOutput()).isEmpty();
        String trace = r.getErrorOutput();
        assertThat(trace).startsWith("HTTP request trace:\n"
                + "----------------- TRACE START -----------------\n"
                + "< GET " + api.baseUrl() + "/items?limit=2\n"
                + "< Accept: application/json\n"
                + "< User-Agent: sequor\n"
                + "< Accept-Encoding: gzip, deflate\n"
                + "< Authorization: <redacted>\n"
                + "> 200\n");
        assertThat(trace).contains("> Content-Type: application/json\n")
                .endsWith(">\n" + ITEMS + "\n----------------- TRACE END -----------------")
                .doesNotContain(TOKEN);
        assertThat(api.getAllServeEvents()).hasSize(1);
        assertThat(api.getAllServeEvents().get(0).getRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(tmp.resolve("stage.duckdb")).doesNotExist();
    }

    @Test
    void previewPrettyPrintsTheJsonBodyToStdout(QuarkusMainLauncher launcher) throws IOException {
        stubItems();
        project(HTTP_FLOW);
        LaunchResult r = run(launcher, "--debug-httprequest-preview-pretty");
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        assertThat(r.getOutput()).isEqualTo("""
                {
                  "data" : [ {
                    "id" : 1,
                    "name" : "Ann"
                  }, {
                    "id" : 2,
                    "name" : "Bob"
                  } ]
                }""");
        assertThat(r.getErrorOutput()).isEmpty();
        assertThat(tmp.resolve("stage.duckdb")).doesNotExist();
    }

    @Test
    void helpOfEveryCommandExitsZero(QuarkusMainLauncher launcher) {
        for (String command : List.of("run", "validate", "list", "init", "env", "env init", "version", "completion")) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--help");
            LaunchResult r = launcher.launch(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.getOutput()).as(command).startsWith("Usage: sequor " + command + " ");
            assertThat(r.getErrorOutput()).as(command).isEmpty();
        }
        LaunchResult top = launcher.launch("--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.getOutput()).startsWith("Usage: sequor ").contains("run").contains("validate");
    }

    @Test
    void sequorAloneAndHelpCommandPrintTheHelp(QuarkusMainLauncher launcher) {
        LaunchResult alone = launcher.launch();
        assertThat(alone.exitCode()).isZero();
        assertThat(alone.getOutput()).startsWith("Usage: sequor ").contains("run").contains("validate")
                .contains("help");
        assertThat(alone.getErrorOutput()).isEmpty();

        LaunchResult completion = launcher.launch("completion", "bash");
        assertThat(completion.exitCode()).isZero();
        assertThat(completion.getOutput()).contains("complete -o filenames -F _sequor sequor");
        LaunchResult powershell = launcher.launch("completion", "powershell");
        assertThat(powershell.exitCode()).isZero();
        assertThat(powershell.getOutput()).contains("Register-ArgumentCompleter -Native -CommandName sequor");

        LaunchResult help = launcher.launch("help", "run");
        assertThat(help.exitCode()).isZero();
        assertThat(help.getOutput()).startsWith("Usage: sequor run ").contains("--project-dir");
        assertThat(launcher.launch("help", "env").getOutput()).startsWith("Usage: sequor env ");
    }

    @Test
    void theVersionOptionIsTheTopCommandsOnly(QuarkusMainLauncher launcher) {
        LaunchResult top = launcher.launch("-V");
        assertThat(top.exitCode()).isZero();
        assertThat(top.getOutput()).startsWith("Sequor version: ");
        for (String command : List.of("run main", "validate", "init new", "version")) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--version");
            LaunchResult r = launcher.launch(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(command).isEqualTo(2);
            assertThat(r.getErrorOutput()).as(command).startsWith("Error: Unknown option: '--version'");
        }
    }

    @Test
    void wrongCommandLinesAreOneErrorLineAndExitTwo(QuarkusMainLauncher launcher) {
        assertUsageError(launcher.launch("run", "main", "--bogus"),
                "Error: Unknown option: '--bogus'. Run 'sequor run --help' for usage.");
        assertUsageError(launcher.launch("run"),
                "Error: Missing required parameter: 'FLOW'. Run 'sequor run --help' for usage.");
        assertUsageError(launcher.launch("run", "a", "b"),
                "Error: Unmatched argument at index 2: 'b'. Run 'sequor run --help' for usage.");
        assertUsageError(launcher.launch("env", "init"),
                "Error: Missing required parameter: 'NAME'. Run 'sequor env init --help' for usage.");
        assertUsageError(launcher.launch("--bogus"),
                "Error: Unknown option: '--bogus'. Run 'sequor --help' for usage.");
        assertUsageError(launcher.launch("help", "nosuch"),
                "Error: Unknown subcommand 'nosuch'. Run 'sequor --help' for usage.");
        assertUsageError(launcher.launch("completion", "tcsh"),
                "Error: Unknown shell: 'tcsh'; expected one of bash, zsh, fish, powershell. Run 'sequor completion --help'"
                        + " for usage.");
    }

    @Test
    void runWithoutAFlowListsTheProjectsFlows(QuarkusMainLauncher launcher) throws IOException {
        project("steps: []\n");
        Files.createDirectories(tmp.resolve("flows/crm"));
        Files.writeString(tmp.resolve("flows/crm/push.yaml"), "steps: []\n");

        LaunchResult r = launcher.launch("run", "-p", tmp.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getErrorOutput()).isEqualTo(String.join("\n",
                "Error: Missing required parameter: 'FLOW'. Run 'sequor run --help' for usage.",
                "Flows of project 'run_options':",
                "  crm/push",
                "  main"));
        assertThat(r.getOutput()).isEmpty();
    }

    private static void assertUsageError(LaunchResult r, String line) {
        assertThat(r.exitCode()).as(line).isEqualTo(2);
        assertThat(r.getErrorOutput()).isEqualTo(line);
        assertThat(r.getOutput()).isEmpty();
    }

    private static final String ITEMS = "{\"data\":[{\"id\":1,\"name\":\"Ann\"},{\"id\":2,\"name\":\"Bob\"}]}";

    /** The Authorization header is written in the flow, so the preview sees it (see the report on source auth). */
    private static final String HTTP_FLOW = """
            steps:
              - op: http_request
                id: get_items
                request:
                  source: api
                  url: "{{ var('base_url') }}/items"
                  parameters: {limit: 2}
                  headers:
                    Accept: application/json
                response:
                  success_status: [200]
                  tables:
                    - source: stage
                      table: items
                      columns: {id: integer, name: text}
                      data_expression: response.json()["data"]
            """;

    private static void stubItems() {
        api.stubFor(WireMock.get(WireMock.urlPathEqualTo("/items")).willReturn(WireMock.okJson(ITEMS)));
    }

    private LaunchResult run(QuarkusMainLauncher launcher, String... extra) {
        List<String> args = new ArrayList<>(List.of("run"));
        if (extra.length == 0 || extra[0].startsWith("-")) {
            args.add("main");
        }
        args.addAll(List.of(extra));
        args.addAll(List.of("-p", tmp.toString(), "--home-dir", home.toString(), "--env", "test", "-q"));
        return launcher.launch(args.toArray(String[]::new));
    }

    private void project(String mainFlow) throws IOException {
        Files.writeString(tmp.resolve("project.yaml"), "name: run_options\n");
        Files.createDirectories(tmp.resolve("sources"));
        Files.writeString(tmp.resolve("sources/stage.yaml"), "type: duckdb\nconn_str: \"duckdb:///stage.duckdb\"\n");
        Files.writeString(tmp.resolve("sources/api.yaml"),
                "type: http\nauth: {type: bearer_token, token: \"{{ var('api_token') }}\"}\n");
        Files.createDirectories(tmp.resolve("flows"));
        Files.writeString(tmp.resolve("flows/main.yaml"), mainFlow);
    }
}
