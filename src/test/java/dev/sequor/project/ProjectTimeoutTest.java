package dev.sequor.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluation_timeout_seconds} in project.yaml: the time limit of one snippet evaluation. */
class ProjectTimeoutTest {

    @TempDir
    Path dir;

    private Project load(String yaml) throws Exception {
        Files.writeString(dir.resolve("project.yaml"), yaml);
        return Project.load(dir);
    }

    @Test
    void defaultsToSixtySecondsAndAcceptsFractions() throws Exception {
        assertThat(load("name: p\n").evaluationTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(load("name: p\nevaluation_timeout_seconds: 2.5\n").evaluationTimeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void refusesWhatIsNotAPositiveNumberOfSeconds() throws Exception {
        assertThatThrownBy(() -> load("name: p\nevaluation_timeout_seconds: soon\n"))
                .isInstanceOf(SequorException.class)
                .hasMessage("evaluation_timeout_seconds must be a number of seconds between 0 and 86400 (one day), "
                        + "not 'soon'");
        assertThatThrownBy(() -> load("name: p\nevaluation_timeout_seconds: -5\n")).isInstanceOf(SequorException.class);
    }
}
