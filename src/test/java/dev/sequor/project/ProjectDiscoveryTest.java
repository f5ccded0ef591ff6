package dev.sequor.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --project-dir, the project is the nearest folder upwards with a project.yaml. */
class ProjectDiscoveryTest {

    @TempDir
    Path tmp;

    @Test
    void aSubFolderOfAProjectFindsTheProject() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("my project"));
        Files.writeString(project.resolve("project.yaml"), "name: demo\n");
        Path deep = Files.createDirectories(project.resolve("flows").resolve("nested"));

        assertThat(Project.discover(deep)).isEqualTo(project);
        assertThat(Project.discover(project)).isEqualTo(project);
        assertThat(Project.load(Project.discover(deep)).name()).isEqualTo("demo");
    }

    @Test
    void theNearestProjectWins() throws Exception {
        Files.writeString(tmp.resolve("project.yaml"), "name: outer\n");
        Path inner = Files.createDirectories(tmp.resolve("inner"));
        Files.writeString(inner.resolve("project.yaml"), "name: inner\n");
        Path below = Files.createDirectories(inner.resolve("sources"));

        assertThat(Project.discover(below)).isEqualTo(inner);
    }

    @Test
    void outsideAnyProjectTheStartingFolderIsReturnedForLoadToRefuse() throws Exception {
        Path nowhere = Files.createDirectories(tmp.resolve("a").resolve("b"));
        for (Path up = tmp; up != null; up = up.getParent()) {
            assumeFalse(Files.exists(up.resolve("project.yaml")), "a project.yaml above the test's folder: " + up);
        }

        assertThat(Project.discover(nowhere)).isEqualTo(nowhere);
        assertThatThrownBy(() -> Project.load(Project.discover(nowhere)))
                .hasMessageContaining("Project configuration file does not exist: " + nowhere.resolve("project.yaml"));
    }
}
