package dev.sequor.run.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.error.SequorException;
import dev.sequor.http.SecretSet;
import dev.sequor.run.ErrorReporter;
import dev.sequor.run.RunLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour on a terminal only, and never with NO_COLOR or a dumb terminal; errors red, warnings yellow. */
class ColoursTest {

    @TempDir
    Path tmp;

    @Test
    void onlyATerminalGetsColourAndNoColorOrADumbTerminalTurnItOff() {
        assertThat(Colours.of(true, Map.of()).on()).isTrue();
        assertThat(Colours.of(true, Map.of("TERM", "xterm-256color")).on()).isTrue();
        assertThat(Colours.of(false, Map.of()).on()).isFalse();
        assertThat(Colours.of(true, Map.of("NO_COLOR", "1")).on()).isFalse();
        assertThat(Colours.of(true, Map.of("NO_COLOR", "")).on()).as("NO_COLOR set but empty counts as unset").isTrue();
        assertThat(Colours.of(true, Map.of("TERM", "dumb")).on()).isFalse();
    }

    @Test
    void errorsAreRedAndWarningsYellowOnlyWhenOn() {
        assertThat(new Colours(true).error("boom")).isEqualTo("\033[31mboom\033[0m");
        assertThat(new Colours(true).warning("hm")).isEqualTo("\033[33mhm\033[0m");
        assertThat(Colours.NONE.error("boom")).isEqualTo("boom");
        assertThat(Colours.NONE.warning("hm")).isEqualTo("hm");
    }

    @Test
    void aRunsWarningsAreColouredOnTheConsoleButNotInTheLogFile() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path logFile = tmp.resolve("sequor.log");
        try (RunLog log = new RunLog(new PrintStream(console, true, StandardCharsets.UTF_8), logFile, false,
                new SecretSet(), new Colours(true))) {
            log.warn("flows/a.yaml:1:1: warning: unknown key");
        }
        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("\033[33mflows/a.yaml:1:1: warning: unknown key\033[0m\n");
        assertThat(Files.readString(logFile)).contains("WARNING").contains("flows/a.yaml:1:1: warning: unknown key")
                .doesNotContain("\033[");
    }

    @Test
    void anErrorIsRedWithItsSecretsMasked() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ErrorReporter(new PrintStream(err, true, StandardCharsets.UTF_8), false, false,
                Set.of("s3cret-token"), new Colours(true)).report(SequorException.invalid(null, "bad s3cret-token"));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("\033[31mError: bad <redacted>\033[0m\n");
    }
}
