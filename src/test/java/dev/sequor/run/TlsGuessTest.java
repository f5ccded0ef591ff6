package dev.sequor.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.http.SecretSet;
import dev.sequor.project.Environment;
import dev.sequor.project.Project;
import dev.sequor.project.SequorHome;
import dev.sequor.run.progress.RunStats;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a flow's requests may go to https, guessed before they run: "no" only where every URL is known http. */
class TlsGuessTest {

    @TempDir
    Path dir;

    private RunContext run;

    @BeforeEach
    void project() throws Exception {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("flows"));
        Files.createDirectories(project.resolve("sources"));
        Files.writeString(project.resolve("project.yaml"), "name: guess\n");
        source(project, "local", "type: http\nbase_url: \"{{ var('base_url') }}\"\n");
        source(project, "literal", "type: http\nbase_url: http://127.0.0.1:8080/v1\n");
        source(project, "secure", "type: http\nbase_url: https://api.example.com/v1\n");
        source(project, "unset", "type: http\n");
        source(project, "own_vars",
                "type: http\nvariables:\n  host: 127.0.0.1\nbase_url: \"http://{{ var('host') }}\"\n");
        source(project, "broken", "type: http\nbase_url: [\n");
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("envs"));
        Files.writeString(home.resolve("envs/dev.yaml"), "variables:\n  base_url: http://127.0.0.1:9000\n"
                + "  secure_url: https://api.example.com\n");
        SequorHome sequorHome = SequorHome.resolve(home.toString());
        Project p = Project.load(project);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        SecretSet secrets = new SecretSet();
        run = new RunContext(p, sequorHome, Environment.select(sequorHome, p, "dev"), RunOptions.defaults(), quiet,
                new RunLog(quiet, dir.resolve("run.log"), true, secrets), secrets, new RunStats(System::nanoTime));
    }

    @AfterEach
    void close() {
        run.close();
    }

    private static void source(Path project, String name, String yaml) throws Exception {
        Files.writeString(project.resolve("sources/" + name + ".yaml"), yaml);
    }

    /** The guess for a flow of one http_request with {@code request} (its lines under request:). */
    private boolean guess(String request) throws Exception {
        Files.writeString(run.project().dir().resolve("flows/f.yaml"), "steps:\n  - op: http_request\n    request:\n"
                + request.indent(6));
        return TlsGuess.mayUseTls(run, "f", run.flows().get("f", null).steps());
    }

    @Test
    void knownPlainHttpUrlsNeedNoTls() throws Exception {
        assertThat(guess("url: http://127.0.0.1:9000/items")).isFalse();
        assertThat(guess("url: \"{{ var('base_url') }}/items\"")).isFalse();
        assertThat(guess("url: \"HTTP://{{ var('anything') | upper }}/items\""))
                .as("the scheme is in the literal start").isFalse();
        assertThat(guess("source: local\nurl: items")).isFalse();
        assertThat(guess("source: local\nurl: \"sync/{{ var('row').id }}\"")).as("relative whatever follows").isFalse();
        assertThat(guess("source: literal\nurl: /items")).isFalse();
    }

    @Test
    void httpsOrAnythingNotKnownMayNeedTls() throws Exception {
        assertThat(guess("url: https://api.example.com/items")).isTrue();
        assertThat(guess("url: \"{{ var('secure_url') }}/items\"")).isTrue();
        assertThat(guess("url: \"{{ var('base_url') | replace('http:', 'https:') }}/items\"")).as("computed").isTrue();
        assertThat(guess("url: \"http{{ 's' }}://api.example.com\"")).as("the scheme itself templated").isTrue();
        assertThat(guess("source: secure\nurl: items")).isTrue();
        assertThat(guess("source: unset\nurl: items")).isTrue();
        assertThat(guess("source: own_vars\nurl: items")).as("a source with its own variables").isTrue();
        assertThat(guess("source: broken\nurl: items")).as("reported when the op runs").isTrue();
        assertThat(guess("source: missing\nurl: items")).isTrue();
        // an absolute https URL wins over a plain http source
        assertThat(guess("source: local\nurl: https://api.example.com/items")).isTrue();
    }

    @Test
    void anyRequestAtAnyDepthCountsAndAFlowCallMayGoAnywhere() throws Exception {
        Files.writeString(run.project().dir().resolve("flows/nested.yaml"), """
                steps:
                  - op: http_request
                    request: {url: "http://127.0.0.1:9000/a"}
                  - op: if
                    conditions:
                      - condition: "{{ true }}"
                        then:
                          - op: http_request
                            request: {url: "https://api.example.com/b"}
                """);
        assertThat(TlsGuess.mayUseTls(run, "nested", run.flows().get("nested", null).steps())).isTrue();
        Files.writeString(run.project().dir().resolve("flows/other.yaml"), "steps:\n  - op: print\n    message: hi\n");
        Files.writeString(run.project().dir().resolve("flows/calls.yaml"), """
                steps:
                  - op: http_request
                    request: {url: "http://127.0.0.1:9000/a"}
                  - op: run_flow
                    flow: other
                """);
        assertThat(TlsGuess.mayUseTls(run, "calls", run.flows().get("calls", null).steps())).isTrue();
    }
}
