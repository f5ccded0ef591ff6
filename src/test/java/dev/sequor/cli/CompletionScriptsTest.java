package dev.sequor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The completion scripts load in their shells and complete commands, options, the project's flows (found from a
 * sub-folder) and the environments of the Sequor home. bash always runs; zsh and fish run where installed
 * ({@code .ci/run} installs them), else those tests are skipped with a message.
 */
class CompletionScriptsTest {

    @TempDir
    Path tmp;

    private Path project;
    private Path home;

    @BeforeEach
    void projectAndHome() throws IOException {
        project = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(project.resolve("project.yaml"), "name: shop\n");
        Files.createDirectories(project.resolve("flows").resolve("crm"));
        Files.writeString(project.resolve("flows").resolve("ingest_orders.yaml"), "steps: []\n");
        Files.writeString(project.resolve("flows").resolve("crm").resolve("push.yaml"), "steps: []\n");
        Files.createDirectories(project.resolve("sources"));
        home = Files.createDirectories(tmp.resolve("home").resolve("envs"));
        Files.writeString(home.resolve("dev.yaml"), "variables:\n");
        Files.writeString(home.resolve("prod.yaml"), "variables:\n");
        home = home.getParent();
    }

    private static String script(String shell) {
        return CompletionScripts.script(shell, new CommandLine(new SequorCommand()).getCommandSpec());
    }

    /** Runs bash's completion function as readline would for {@code words} (the last one being completed). */
    private List<String> bash(Path cwd, String... words) throws Exception {
        Path file = tmp.resolve("completion.bash");
        Files.writeString(file, script("bash"));
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append("'");
        }
        String cmd = "source '" + file + "' && COMP_WORDS=(" + array + ") && COMP_CWORD=" + (words.length - 1)
                + "; _sequor; printf '%s\\n' \"${COMPREPLY[@]}\"";
        return sorted(run(cwd, "bash", "-c", cmd));
    }

    @Test
    void bashCompletesCommandsAndOptions() throws Exception {
        assertThat(bash(tmp, "sequor", "ru")).containsExactly("run");
        assertThat(bash(tmp, "sequor", "")).contains("run", "validate", "list", "init", "env", "completion", "help");
        assertThat(bash(tmp, "sequor", "env", "")).containsExactly("init");
        assertThat(bash(tmp, "sequor", "run", "--q")).containsExactly("--quiet");
        assertThat(bash(tmp, "sequor", "completion", "")).containsExactly("bash", "fish", "zsh");
        assertThat(bash(tmp, "sequor", "")).contains("schema");
        assertThat(bash(tmp, "sequor", "schema", "")).containsExactly("env", "flow", "project", "source");
        assertThat(bash(tmp, "sequor", "schema", "--m")).containsExactly("--markdown");
    }

    @Test
    void bashCompletesTheProjectsFlowsFromASubFolderAndSkipsOptionValues() throws Exception {
        Path sub = project.resolve("sources");
        assertThat(bash(sub, "sequor", "run", "")).containsExactly("crm/push", "ingest_orders");
        assertThat(bash(sub, "sequor", "run", "--env", "dev", "in")).containsExactly("ingest_orders");
        assertThat(bash(sub, "sequor", "validate", "c")).containsExactly("crm/push");
        assertThat(bash(tmp, "sequor", "run", "")).as("outside a project").isEmpty();
    }

    @Test
    void bashCompletesEnvironmentsOfTheSequorHome() throws Exception {
        assertThat(run(tmp, "bash", "-c", "export SEQUOR_HOME='" + home + "'; source <(cat '"
                + writeScript("bash") + "') && COMP_WORDS=(sequor run --env '') && COMP_CWORD=3 && _sequor"
                + " && printf '%s\\n' \"${COMPREPLY[@]}\"").stream().sorted().toList()).containsExactly("dev", "prod");
    }

    @Test
    void zshLoadsTheScriptAndRegistersTheCompletion() throws Exception {
        assumeTrue(installed("zsh"), "zsh is not installed here: the zsh completion test is skipped");
        List<String> out = run(tmp, "zsh", "-c", "source '" + writeScript("zsh") + "' && print -r -- ${_comps[sequor]}");
        assertThat(out).singleElement().asString().contains("_sequor");
    }

    @Test
    void fishCompletesCommandsFlowsAndEnvironments() throws Exception {
        assumeTrue(installed("fish"), "fish is not installed here: the fish completion tests are skipped");
        Path file = writeScript("fish");
        assertThat(fish(tmp, file, "sequor ru")).containsExactly("run");
        assertThat(fish(project.resolve("sources"), file, "sequor run ")).containsExactly("crm/push", "ingest_orders");
        assertThat(fish(tmp, file, "sequor run --env ")).containsExactly("dev", "prod");
        assertThat(fish(tmp, file, "sequor env ")).containsExactly("init");
        assertThat(fish(tmp, file, "sequor run --qu")).containsExactly("--quiet");
    }

    /** fish's own answer for the command line {@code line}: the candidates, without their descriptions. */
    private List<String> fish(Path cwd, Path file, String line) throws Exception {
        List<String> out = run(cwd, "fish", "-c", "set -x SEQUOR_HOME '" + home + "'; source '" + file
                + "'; complete -C '" + line + "'");
        return sorted(out.stream().map(l -> l.split("\t")[0]).toList());
    }

    private Path writeScript(String shell) throws IOException {
        Path file = tmp.resolve("completion." + shell);
        Files.writeString(file, script(shell));
        return file;
    }

    private static boolean installed(String shell) {
        return Arrays.stream(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, shell)));
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().filter(l -> !l.isEmpty()).sorted().toList();
    }

    private List<String> run(Path cwd, String... command) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("HOME", tmp.toString());
        Process p = pb.start();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + Files.readString(err)).isZero();
        assertThat(Files.readString(err)).as("stderr of " + command[0]).isEmpty();
        return new ArrayList<>(Files.readAllLines(out));
    }
}
