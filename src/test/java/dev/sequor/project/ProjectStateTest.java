package dev.sequor.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
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

    @Test
    void afterSaveAtAFailingWorkKeepsTheSavepointsVariablesAndDropsTheRest() {
        Path file = dir.resolve("state/variables.yaml");
        ProjectState state = new ProjectState(file);
        state.set("cursor", "start");
        assertThatThrownBy(() -> state.deferWrites(() -> {
            state.set("cursor", "row-1");
            Map<String, Object> afterRow1 = state.savepoint();
            state.set("cursor", "row-2 half done");
            state.set("extra", 1L);
            assertThat(new ProjectState(file).get("cursor")).isEqualTo("start");
            state.saveAt(afterRow1);
            assertThat(new ProjectState(file).get("cursor")).isEqualTo("row-1");
            state.set("cursor", "after the savepoint");
            throw new IllegalStateException("row 2 failed");
        })).hasMessage("row 2 failed");
        assertThat(state.get("cursor")).isEqualTo("row-1");
        assertThat(state.get("extra")).isNull();
        assertThat(new ProjectState(file).get("cursor")).isEqualTo("row-1");
        assertThat(new ProjectState(file).get("extra")).isNull();
    }

    @Test
    void aFailingWorkWithoutSaveAtRestoresEverything() {
        Path file = dir.resolve("state/variables.yaml");
        ProjectState state = new ProjectState(file);
        state.set("cursor", "start");
        assertThatThrownBy(() -> state.deferWrites(() -> {
            state.set("cursor", "row-1");
            state.savepoint();
            throw new IllegalStateException("failed");
        })).hasMessage("failed");
        assertThat(state.get("cursor")).isEqualTo("start");
        assertThat(new ProjectState(file).get("cursor")).isEqualTo("start");
    }
}
