package dev.sequor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluation_timeout_seconds} stops a Jinja loop bomb as it stops a Python snippet: one line, exit 1 (how
 * soon after the limit is TemplateLimitsTest's concern; a launch here includes the application's start).
 */
@QuarkusMainTest
class TemplateTimeLimitCliTest {

    @TempDir
    Path tmp;

    @Test
    void aTemplateThatRunsPastTheLimitFailsItsOpWithExitCodeOne(QuarkusMainLauncher launcher) throws IOException {
        Path project = Files.createDirectories(tmp.resolve("p"));
        Files.writeString(project.resolve("project.yaml"), "name: p\nevaluation_timeout_seconds: 1\n");
        Files.createDirectories(project.resolve("flows"));
        Files.writeString(project.resolve("flows/main.yaml"), """
                steps:
                  - op: print
                    id: bomb
                    message: "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}\\
                {% endfor %}{% endfor %}{% endfor %}"
                  - op: print
                    message: never printed
                """);
        LaunchResult r = launcher.launch("run", "main", "-p", project.toString(), "--home-dir",
                tmp.resolve("home").toString());
        assertThat(r.exitCode()).as(r.getErrorOutput()).isEqualTo(1);
        assertThat(r.getErrorOutput()).startsWith("flows/main.yaml:4:14: Error in \"print: bomb\": Error rendering Jinja"
                + " template: it ran longer than 1 s, the time limit for one evaluation (evaluation_timeout_seconds in"
                + " project.yaml)\n");
        assertThat(r.getOutput()).doesNotContain("never printed");
    }
}
