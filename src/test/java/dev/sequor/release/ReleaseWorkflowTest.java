package dev.sequor.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What the release workflow promises, which no run here can show (it needs GitHub's runners and GraalVM): every
 * platform is built, each executable runs the quick start and the golden suite before its upload, and nothing is
 * published by a job that does not wait for all of those checks. actionlint (.ci/run) checks the syntax and the
 * expressions; this test checks the plan.
 */
class ReleaseWorkflowTest {

    private static final Path WORKFLOW = Path.of(".github/workflows/release.yml");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workflow() throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(WORKFLOW));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(String name) throws IOException {
        Map<String, Object> jobs = (Map<String, Object>) workflow().get("jobs");
        assertThat(jobs).as("jobs of " + WORKFLOW).containsKey(name);
        return (Map<String, Object>) jobs.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(String job) throws IOException {
        return (List<Map<String, Object>>) job(job).get("steps");
    }

    /** The index of the first step whose name, uses or run contains {@code text}; fails when there is none. */
    private static int step(String job, String text) throws IOException {
        List<Map<String, Object>> steps = steps(job);
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> s = steps.get(i);
            for (String key : List.of("name", "uses", "run")) {
                if (String.valueOf(s.getOrDefault(key, "")).contains(text)) {
                    return i;
                }
            }
        }
        throw new AssertionError("job " + job + " has no step with " + text);
    }

    @SuppressWarnings("unchecked")
    private static List<String> needs(String job) throws IOException {
        Object needs = job(job).get("needs");
        return needs instanceof List<?> l ? (List<String>) l : needs == null ? List.of() : List.of((String) needs);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTagBuildsTheFivePlatformsOnTheirOwnRunners() throws IOException {
        Map<String, Object> on = (Map<String, Object>) workflow().get("on");
        assertThat((List<String>) ((Map<String, Object>) on.get("push")).get("tags")).containsExactly("v*");
        List<Map<String, Object>> include = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                job("native").get("strategy")).get("matrix")).get("include");
        Map<String, String> runners = include.stream().collect(Collectors.toMap(m -> (String) m.get("platform"),
                m -> (String) m.get("os")));
        assertThat(runners).isEqualTo(Map.of("linux-amd64", "ubuntu-latest", "linux-arm64", "ubuntu-24.04-arm",
                "macos-arm64", "macos-14", "macos-amd64", "macos-13", "windows-amd64", "windows-latest"));
    }

    @Test
    void eachExecutableRunsTheQuickStartAndTheGoldenSuiteBeforeItIsUploaded() throws IOException {
        int build = step("native", "package -Pnative");
        int quickStart = step("native", "scripts/run-example \"$EXECUTABLE\"");
        int golden = step("native", "-Dsequor.test.binary=$EXECUTABLE");
        int upload = step("native", "actions/upload-artifact");
        assertThat(List.of(build, quickStart, golden, upload)).isSorted().doesNotHaveDuplicates();
        assertThat(String.valueOf(steps("native").get(golden).get("run"))).contains("-Dtest=GoldenFlowTest");
        assertThat(step("jvm", "-Dit.test=DistributionIT")).isLessThan(step("jvm", "actions/upload-artifact"));
        assertThat(step("image", "scripts/run-example")).isGreaterThan(step("image", "Dockerfile.native"));
        assertThat(step("jvm-windows", "scripts/run-example")).isGreaterThan(step("jvm-windows", "Expand-Archive"));
        assertThat(String.valueOf(steps("jvm-windows").get(step("jvm-windows", "scripts/run-example")).get("run")))
                .contains("bin/sequor.cmd");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyThePublishJobPublishesAndItWaitsForEveryCheck() throws IOException {
        assertThat(needs("publish")).contains("native", "jvm", "jvm-windows", "image");
        assertThat(needs("image")).contains("native");
        assertThat(String.valueOf(job("publish").get("if"))).isEqualTo("startsWith(github.ref, 'refs/tags/v')");
        int generate = step("publish", "packaging/generate");
        int checksums = step("publish", "sha256sum -c SHA256SUMS");
        int release = step("publish", "softprops/action-gh-release");
        int push = step("publish", "--push");
        assertThat(List.of(generate, checksums, release, push)).isSorted();
        assertThat(release).isGreaterThan(checksums);
        String checking = String.valueOf(steps("publish").get(checksums).get("run"));
        assertThat(checking.indexOf("sha256sum -c")).isGreaterThan(checking.indexOf("packaging/generate"));
        String files = String.valueOf(((Map<String, Object>) steps("publish").get(release).get("with")).get("files"));
        assertThat(files.lines().map(String::strip).toList())
                .contains("dist/sequor-*", "dist/SHA256SUMS", "dist/sequor.rb", "dist/sequor.json");

        Set<String> publishers = new java.util.TreeSet<>();
        for (String name : List.of("version", "native", "jvm", "jvm-windows", "image", "publish")) {
            for (Map<String, Object> s : steps(name)) {
                String text = s.getOrDefault("uses", "") + " " + s.getOrDefault("run", "");
                if (text.contains("action-gh-release") || text.contains("--push") || text.contains("login-action")) {
                    publishers.add(name);
                }
            }
        }
        assertThat(publishers).containsExactly("publish");
    }

    /** Minimal base, the native executable as entrypoint, a non-root user, /project as working folder. */
    @Test
    void theImageRunsTheNativeExecutableAsANonRootUserInProject() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/main/docker/Dockerfile.native")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertThat(lines.getFirst()).startsWith("FROM quay.io/quarkus/ubi9-quarkus-micro-image:");
        assertThat(lines).contains("USER 1001", "WORKDIR /project", "ENTRYPOINT [\"/usr/local/bin/sequor\"]",
                "COPY --chown=1001:0 --chmod=0755 sequor-linux-${TARGETARCH} /usr/local/bin/sequor");
        assertThat(lines.indexOf("USER 1001")).isGreaterThan(lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("RUN ")).findFirst().orElseThrow()));
    }

    @Test
    void theFilesItUsesExist() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String f : List.of("scripts/run-example", "packaging/generate", "packaging/homebrew/sequor.rb.template",
                "packaging/scoop/sequor.json.template", "src/main/docker/Dockerfile.native")) {
            if (!Files.isRegularFile(Path.of(f))) {
                missing.add(f);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(Files.readString(WORKFLOW)).contains("-f src/main/docker/Dockerfile.native");
    }
}
