package dev.sequor.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the Sequor home is: --home-dir, else $SEQUOR_HOME, else $HOME/.sequor. */
class SequorHomeTest {

    @Test
    void theHomeFollowsTheHomeVariable() {
        assertThat(SequorHome.resolve(null, Map.of("HOME", "/home/ci")).dir()).isEqualTo(Path.of("/home/ci/.sequor"));
        assertThat(SequorHome.resolve("  ", Map.of("HOME", "/home/ci")).dir()).isEqualTo(Path.of("/home/ci/.sequor"));
    }

    @Test
    void sequorHomeOverridesTheHomeVariableAndTheOptionOverridesBoth() {
        Map<String, String> env = Map.of("HOME", "/home/ci", "SEQUOR_HOME", "~/config/sequor");
        assertThat(SequorHome.resolve(null, env).dir()).isEqualTo(Path.of("/home/ci/config/sequor"));
        assertThat(SequorHome.resolve("/srv/sequor-home", env).dir()).isEqualTo(Path.of("/srv/sequor-home"));
        assertThat(SequorHome.resolve("~/other", env).dir()).isEqualTo(Path.of("/home/ci/other"));
    }

    @Test
    void withoutTheHomeVariableTheJvmsUserHomeIsUsed() {
        assertThat(SequorHome.resolve(null, Map.of()).dir())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".sequor"));
    }
}
