package dev.sequor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.testing.ScriptedApi;
import dev.sequor.testing.ScriptedApi.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees when the network misbehaves: the packaged tool ({@code target/sequor}, as users run it, with its
 * framework logging configured as shipped) prints Sequor's own sentence and nothing else; a failure the retries
 * recover from prints nothing at all. The HTTP client logs a reset connection at ERROR on its own, which only a
 * separate process shows (an in-process test's captured streams never see the log handler's output).
 *
 * <p>An integration test (failsafe, after {@code package}), because it needs {@code target/quarkus-app}.
 */
class FaultOutputIT {

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private Run sequor(ScriptedApi api, String method) throws Exception {
        assertThat(StartupClassesIT.LAUNCHER).as("run `./mvnw package` first").isRegularFile();
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("project.yaml"), "name: faults\n");
        Files.createDirectories(project.resolve("sources"));
        Files.writeString(project.resolve("sources/api.yaml"), "type: http\ntimeout_seconds: 2\nretry: {max_attempts: 2,"
                + " initial_backoff_seconds: 0.01, max_backoff_seconds: 0.01}\n");
        Files.createDirectories(project.resolve("flows"));
        Files.writeString(project.resolve("flows/main.yaml"), """
                steps:
                  - op: http_request
                    id: call
                    request:
                      source: api
                      url: "%s/items"
                      method: %s
                """.formatted(api.baseUrl(), method));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder("/bin/sh", StartupClassesIT.LAUNCHER.toString(), "run", "main", "-p",
                project.toString(), "--home-dir", tmp.resolve("home").toString(), "-q", "--disable-flow-stacktrace")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("sequor run finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aGetWhoseConnectionsAreCutAndRecoveredPrintsNothing() throws Exception {
        try (ScriptedApi api = ScriptedApi.start((n, r) -> n == 1 ? new Reply.Reset() : Reply.json("{}"))) {
            Run r = sequor(api, "GET");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(api.requests()).hasSize(2);
        }
    }

    @Test
    void aResetPostFailsWithSequorsSentenceOnly() throws Exception {
        try (ScriptedApi api = ScriptedApi.start((n, r) -> new Reply.Reset())) {
            Run r = sequor(api, "POST");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("flows/main.yaml:2:5: Error in \"http_request: call\": HTTP request POST "
                    + api.baseUrl() + "/items failed: Connection reset\n");
            assertThat(api.requests()).hasSize(1);
        }
    }

    @Test
    void anEmptyAnswerAndALateOneFailWithSequorsSentenceOnly() throws Exception {
        try (ScriptedApi api = ScriptedApi.start((n, r) -> n == 1 ? new Reply.Empty()
                : new Reply.Respond(200, Map.of(), "late", Duration.ofSeconds(5)))) {
            Run r = sequor(api, "GET");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("flows/main.yaml:2:5: Error in \"http_request: call\": HTTP request GET "
                    + api.baseUrl() + "/items failed after 2 attempts: no response within 2 s\n");
            // the empty answer came on a new connection, so the GET is not sent again by the transport (only a
            // kept-alive connection the server closed is); then Sequor's second attempt
            assertThat(api.requests()).hasSize(2);
        }
    }
}
