package dev.sequor.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persisted variables read back as the values that were set, under the rules the file is read with. */
class ProjectStateTest {

    @TempDir
    Path dir;

    @Test
    void stringsThatLookLikeOtherTypesStayStrings() {
        Path file = dir.resolve("state/variables.yaml");
        ProjectState state = new ProjectState(file);
        for (String s : new String[] {"1_000", "0b101", "017", "yes", "on", "2024-01-02", "1e3", "true", "~"}) {
            state.set("v", s);
            assertThat(new ProjectState(file).get("v")).as(s).isEqualTo(s);
        }
        state.set("n", 1000L);
        state.set("f", 1.5e10);
        assertThat(new ProjectState(file).get("n")).isEqualTo(1000L);
        assertThat(new ProjectState(file).get("f")).isEqualTo(1.5e10);
    }
}
