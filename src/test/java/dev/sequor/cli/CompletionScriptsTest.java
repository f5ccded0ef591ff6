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
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The completion scripts load in their shells and complete commands, options, the project's flows (found from a
 * sub-folder) and the environments of the Sequor home. bash always runs; zsh and fish run where installed
 * ({@code .ci/run} installs them), else those tests are skipped with a message. PowerShell cannot be installed here
 * (no package of it in Debian's or npm's registry that runs without downloading from elsewhere), so its script is
 * checked as text.
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
        return CompletionScripts.script(shell, wholeTree().getCommandSpec());
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
        assertThat(bash(tmp, "sequor", "completion", "")).containsExactly("bash", "fish", "powershell", "zsh");
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

    /**
     * No PowerShell can be installed on the machines this runs on, so the PowerShell script is checked as text:
     * every command of picocli's model is there with each offered option, the value kind of each option that takes
     * a value, its first argument's kind and its subcommands with their descriptions.
     */
    @Test
    void powershellScriptHoldsEveryCommandOptionAndValueKind() {
        String ps = script("powershell");
        assertThat(ps).startsWith("# sequor completion for PowerShell").contains(
                "Register-ArgumentCompleter -Native -CommandName sequor -ScriptBlock {")
                .doesNotContain("@COMMANDS@", "@CHOICES@", "@VALUE_OPTIONS@", "@TOOL@");
        List<CommandLine> all = new ArrayList<>();
        collect(wholeTree(), all);
        assertThat(all).extracting(c -> c.getCommandSpec().qualifiedName()).contains("sequor", "sequor run",
                "sequor env", "sequor env init", "sequor schema", "sequor completion", "sequor help");
        for (CommandLine c : all) {
            CommandSpec spec = c.getCommandSpec();
            String block = block(ps, spec.qualifiedName());
            List<String> offered = new ArrayList<>();
            spec.options().stream().filter(o -> !o.hidden() && !o.longestName().startsWith("--debug-"))
                    .forEach(o -> offered.addAll(Arrays.asList(o.names())));
            assertThat(block).as(spec.qualifiedName()).contains("options = @('" + String.join("', '", offered) + "')");
            spec.options().stream().filter(o -> o.arity().max() > 0).forEach(o -> {
                for (String name : o.names()) {
                    String kind = name.equals("--env") ? "ENV" : o.paramLabel();
                    assertThat(block).as(name).contains("'" + name + "' = '" + kind + "'");
                }
            });
            String positional = spec.name().equals("help") ? "COMMAND"
                    : spec.positionalParameters().isEmpty() ? "" : spec.positionalParameters().get(0).paramLabel();
            assertThat(block).as(spec.qualifiedName()).contains("positional = '" + positional + "'");
            c.getSubcommands().forEach((name, sub) -> assertThat(block).as(name).contains("'" + name + "' = "
                    + PowerShellCompletion.quote(sub.getCommandSpec().usageMessage().description()[0]
                    .replace("%n", " ").strip())));
        }
        assertThat(block(ps, "sequor")).contains("'help' = 'When no COMMAND is given",
                "'list' = 'List the project''s flows");
        assertThat(ps).contains("'SHELL' = @('bash', 'zsh', 'fish', 'powershell')",
                "'KIND' = @('flow', 'source', 'project', 'env')",
                "'COMMAND' = @('run', 'validate', 'list', 'init', 'env', 'schema', 'version', 'completion', 'help')",
                "$valueOptions = @('-p', '--project-dir', '--env', '--op-id', '--record', '--replay',");
        assertThat(ps.chars().allMatch(ch -> ch < 128)).as("ASCII only, whatever the console's code page").isTrue();
    }

    @Test
    void powershellQuotesTextSoNothingInsideIsExpandedOrEndsTheString() {
        assertThat(PowerShellCompletion.quote("plain")).isEqualTo("'plain'");
        assertThat(PowerShellCompletion.quote("the project's flows")).isEqualTo("'the project''s flows'");
        assertThat(PowerShellCompletion.quote("$HOME `n \"x\" {a}")).isEqualTo("'$HOME `n \"x\" {a}'");
        assertThat(PowerShellCompletion.quote("\u2018typographic\u2019")).isEqualTo("'''typographic'''");
        assertThat(PowerShellCompletion.quote("caf\u00e9")).isEqualTo("'caf'");
    }

    /**
     * Flow and environment names are quoted by the script when it completes them: a name with a space, a quote or a
     * character PowerShell reads as syntax goes in single quotes, the quotes inside doubled. The script's pattern is
     * a .NET regular expression; Java reads this one the same way, so the names it picks are checked here.
     */
    @Test
    void powershellQuotesFlowNamesWithSpacesOrQuotes() {
        String pattern = "[\\s'\"`$&|;,(){}\\[\\]<>@#\\u2018-\\u201E]";
        String ps = script("powershell");
        assertThat(ps).contains("if ($candidate -match '" + pattern.replace("'", "''") + "') {",
                "$text = \"'\" + ($candidate -replace '[''\\u2018-\\u201B]', '$0$0') + \"'\"",
                "[System.Management.Automation.CompletionResult]::new($text, $candidate, $type, $tip)");
        Pattern needsQuotes = Pattern.compile(pattern);
        assertThat(List.of("crm/push", "ingest_orders", "v2-load", "a.b"))
                .noneMatch(n -> needsQuotes.matcher(n).find());
        assertThat(List.of("my flow", "o'brien", "say \"hi\"", "a$b", "x;y", "tab\tname", "@all", "it\u2019s"))
                .allMatch(n -> needsQuotes.matcher(n).find());
        // what -replace '[''\u2018-\u201B]', '$0$0' makes of a name: each single quote doubled
        assertThat("o'brien \u2019s".replaceAll("['\u2018-\u201B]", "$0$0")).isEqualTo("o''brien \u2019\u2019s");
    }

    private static String block(String ps, String key) {
        int start = ps.indexOf("        '" + key + "' = @{\n");
        assertThat(start).as("the entry of " + key).isNotNegative();
        return ps.substring(start, ps.indexOf("\n        }\n", start));
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        c.getSubcommands().values().forEach(sub -> collect(sub, out));
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

    /** The whole command tree, as {@code sequor completion} sees it. */
    private static CommandLine wholeTree() {
        return SequorCommand.addSubcommands(new CommandLine(new SequorCommand()), CommandLine.defaultFactory());
    }
}
