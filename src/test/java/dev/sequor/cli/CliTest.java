package dev.sequor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.flow.spec.JsonSchemas;
import dev.sequor.testing.SchemaCheck;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, as a user types it: exit codes and exact messages. */
@QuarkusMainTest
class CliTest {

    @TempDir
    Path tmp;

    @Test
    void versionPrintsUpstreamFormat(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.getOutput()).isEqualTo("Sequor version: 0.1.0-SNAPSHOT");
        LaunchResult withHome = launcher.launch("version", "--home-dir", tmp.toString());
        assertThat(withHome.exitCode()).isZero();
        assertThat(withHome.getOutput()).isEqualTo("Sequor version: 0.1.0-SNAPSHOT");
    }

    @Test
    void initCreatesARunnableProject(QuarkusMainLauncher launcher) throws IOException {
        Path dir = tmp.resolve("shop");
        LaunchResult init = launcher.launch("init", dir.toString(), "--home-dir", tmp.resolve("home").toString());
        assertThat(init.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("project.yaml")))
                .startsWith("# yaml-language-server: $schema=.sequor/schema/project.schema.json\nname: \"shop\"\n");
        assertThat(dir.resolve("flows")).isDirectory();
        assertThat(Files.readAllLines(dir.resolve(".gitignore"))).contains("data/*.duckdb", "data/*.duckdb.wal",
                "recordings/");
        LaunchResult run = launcher.launch("run", "hello", "-p", dir.toString(), "--home-dir",
                tmp.resolve("home").toString(), "--quiet");
        assertThat(run.exitCode()).as(run.getErrorOutput()).isZero();
        assertThat(run.getOutput()).isEqualTo("Hello from shop");
    }

    @Test
    void listShowsFlowsWithTheirDescriptionsAndSourcesWithTheirTypes(QuarkusMainLauncher launcher) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("listed"));
        Files.writeString(dir.resolve("project.yaml"), "name: listed\n");
        Path flows = Files.createDirectories(dir.resolve("flows").resolve("crm"));
        Files.writeString(dir.resolve("flows").resolve("ingest.yaml"),
                "description: >-\n  Fetch orders\n  from the shop\nsteps: []\n");
        Files.writeString(flows.resolve("push_contacts.yaml"), "description: |\n  Push contacts.\n  Second line.\nsteps: []\n");
        Files.writeString(dir.resolve("flows").resolve("plain.yaml"), "steps: []\n");
        Files.writeString(dir.resolve("flows").resolve("broken.yaml"), "steps: [\n");
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Files.writeString(sources.resolve("warehouse.yaml"), "type: duckdb\nconn_str: \"duckdb:///:memory:\"\n");
        Files.writeString(sources.resolve("api.yaml"), "type: http\n");

        LaunchResult list = launcher.launch("list", "-p", dir.toString());

        assertThat(list.exitCode()).as(list.getErrorOutput()).isZero();
        assertThat(list.getOutput()).isEqualTo(String.join("\n",
                "Flows:",
                "  broken             (cannot be read: 'sequor validate broken' says why)",
                "  crm/push_contacts  Push contacts.",
                "  ingest             Fetch orders from the shop",
                "  plain",
                "Sources:",
                "  api        http",
                "  warehouse  duckdb"));
    }

    @Test
    void listOutsideAProjectSaysSo(QuarkusMainLauncher launcher) throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("not-a-project"));
        LaunchResult list = launcher.launch("list", "-p", empty.toString());
        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.getErrorOutput()).contains("Project configuration file does not exist: "
                + empty.resolve("project.yaml"));
    }

    @Test
    void initRefusesANonEmptyFolder(QuarkusMainLauncher launcher) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(dir.resolve("x.txt"), "x");
        LaunchResult r = launcher.launch("init", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getErrorOutput()).isEqualTo("Error: Project directory '" + dir + "' already exists and is not empty.");
    }

    @Test
    void envInitWritesAnEmptyEnvironmentOnce(QuarkusMainLauncher launcher) throws IOException {
        String home = tmp.resolve("home").toString();
        LaunchResult r = launcher.launch("env", "init", "dev", "--home-dir", home);
        Path file = tmp.resolve("home/envs/dev.yaml").toAbsolutePath();
        assertThat(r.exitCode()).isZero();
        assertThat(r.getOutput()).isEqualTo("Environment initialized successfully: " + file + "\n"
                + "Put variables (credentials, hosts) under 'variables:' there; flows read them with var('NAME').\n"
                + "A run uses it with --env dev, or when SEQUOR_ENV=dev is set, or when the project's env.yaml says"
                + " 'env: dev'.");
        // editors check the file against the schema the modeline names, written beside envs/
        String content = Files.readString(file);
        assertThat(content).isEqualTo("# yaml-language-server: $schema=../env.schema.json\nvariables:\n");
        assertThat(tmp.resolve("home/env.schema.json")).hasContent(JsonSchemas.text("env"));
        assertThat(SchemaCheck.errors("env", content)).isEmpty();
        assertThat(SchemaCheck.errors("env", content + "  token: abc\n")).isEmpty();
        assertThat(SchemaCheck.errors("env", content.replace("variables:", "variables: [1, 2]"))).isNotEmpty();
        LaunchResult again = launcher.launch("env", "init", "dev", "--home-dir", home);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.getErrorOutput()).isEqualTo("Error: Environment with such name already exists: " + file);
    }

    @Test
    void envInitRefusesNamesThatLeaveTheEnvsFolder(QuarkusMainLauncher launcher) {
        String home = tmp.resolve("home").toString();
        for (String name : new String[] {"../../x", "a/b", "a\\b", "..", "/etc/x"}) {
            LaunchResult r = launcher.launch("env", "init", name, "--home-dir", home);
            assertThat(r.exitCode()).as(name).isEqualTo(2);
            assertThat(r.getErrorOutput()).isEqualTo("Error: Environment name \"" + name + "\" is not valid: it must"
                    + " not contain '/', '\\' or '..' (environments are files directly inside <home>/envs/).");
        }
        LaunchResult empty = launcher.launch("env", "init", "", "--home-dir", home);
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.getErrorOutput()).isEqualTo("Error: Environment name is empty; give a name such as dev or prod.");
        assertThat(tmp.resolve("x.yaml")).doesNotExist();
        assertThat(tmp.resolve("home/a")).doesNotExist();
    }

    @Test
    void runOutsideAProjectSaysWhatIsMissing(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("run", "x", "-p", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getErrorOutput()).startsWith("Error: Project configuration file does not exist: "
                + tmp.resolve("project.yaml"));
    }

    @Test
    void runOfAMissingFlowOrProjectDir(QuarkusMainLauncher launcher) throws IOException {
        Files.writeString(tmp.resolve("project.yaml"), "name: p\n");
        LaunchResult r = launcher.launch("run", "nope", "-p", tmp.toString(), "--home-dir", tmp.resolve("h").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getErrorOutput()).contains("Flow \"nope\" not found: file does not exist: "
                + tmp.resolve("flows/nope.yaml"));
        LaunchResult missing = launcher.launch("run", "x", "-p", tmp.resolve("absent").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.getErrorOutput()).isEqualTo("Error: Project directory passed as CLI --project-dir argument"
                + " does not exist: " + tmp.resolve("absent"));
    }

    @Test
    void runWithoutFlowIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("run");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getErrorOutput()).contains("Missing required parameter: 'FLOW'");
    }

    @Test
    void failingFlowExitsOneWithLocationAndOpStack(QuarkusMainLauncher launcher) throws IOException {
        project("steps:\n  - op: block\n    title: outer\n    steps:\n      - op: print\n        id: p\n"
                + "        message: \"{{ var('missing') }}\"\n");
        LaunchResult r = launcher.launch("run", "main", "-p", tmp.toString(), "--home-dir", tmp.resolve("h").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.getErrorOutput()).contains("flows/main.yaml:7:18: Error in \"print: p\": Error rendering Jinja"
                + " template: Variable 'missing' is not defined\n"
                + "Stacktrace (most recent op last):\n"
                + "\"run_flow: main\"\n"
                + "  -> \"block: outer\" [step 1 in flow \"main\"]\n"
                + "    -> \"print: p\" [step 1 in block \"outer\"]\n"
                + "hint: no environment is in use (give one with --env NAME, SEQUOR_ENV or the project's env.yaml); flows"
                + " get variables from an environment's 'variables:', set_variable, or the parameters of run_flow.");
        assertThat(r.getErrorOutput()).doesNotContain("at dev.sequor");
        LaunchResult noStack = launcher.launch("run", "main", "-p", tmp.toString(), "--home-dir",
                tmp.resolve("h").toString(), "--disable-flow-stacktrace");
        assertThat(noStack.getErrorOutput()).doesNotContain("Stacktrace");
        LaunchResult javaStack = launcher.launch("run", "main", "-p", tmp.toString(), "--home-dir",
                tmp.resolve("h").toString(), "--stacktrace");
        assertThat(javaStack.getErrorOutput()).contains("Java stacktrace:").contains("at dev.sequor");
    }

    @Test
    void opIdRunsOneNestedOp(QuarkusMainLauncher launcher) throws IOException {
        project("steps:\n  - op: print\n    message: first\n  - op: block\n    steps:\n      - op: print\n"
                + "        id: inner\n        message: only me\n");
        LaunchResult r = launcher.launch("run", "flows/main.yaml", "-p", tmp.toString(), "--home-dir",
                tmp.resolve("h").toString(), "--op-id", "inner", "-q");
        assertThat(r.exitCode()).isZero();
        assertThat(r.getOutput()).isEqualTo("only me");
        LaunchResult none = launcher.launch("run", "main", "-p", tmp.toString(), "--home-dir",
                tmp.resolve("h").toString(), "--op-id", "zzz");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.getErrorOutput()).isEqualTo("Error: Operation with ID zzz not found in flow main");
    }

    @Test
    void validateListsEveryProblemAndStrictFailsOnWarnings(QuarkusMainLauncher launcher) throws IOException {
        project("steps:\n  - op: print\n    mesage: x\n    message: ok\n");
        LaunchResult warnOnly = launcher.launch("validate", "-p", tmp.toString(), "--skip-python");
        assertThat(warnOnly.exitCode()).isZero();
        assertThat(warnOnly.getOutput()).isEqualTo("flows/main.yaml:3:5: warning: Unknown key 'mesage' in print is"
                + " ignored (did you mean 'message'?).");
        assertThat(launcher.launch("validate", "-p", tmp.toString(), "--strict").exitCode()).isEqualTo(2);

        Files.writeString(tmp.resolve("flows/bad.yaml"), "steps:\n  - op: prnt\n  - op: print\n"
                + "    message: \"{{ var('x' }}\"\n  - op: run_flow\n    flow: ghost\n");
        LaunchResult bad = launcher.launch("validate", "bad", "-p", tmp.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.getOutput()).contains("flows/bad.yaml:2:9: Unknown operation: prnt (did you mean 'print'?).")
                .contains("flows/bad.yaml:4:14: Invalid Jinja template in print: Error parsing")
                .contains("flows/bad.yaml:6:11: Flow \"ghost\" not found");
    }

    @Test
    void validateKnowsEverySourceTypeItsKeysAndListsTheTypesWhenOneIsWrong(QuarkusMainLauncher launcher) throws IOException {
        project("steps:\n  - op: transform\n    source: warehouse\n    target_table: t\n    query: select 1\n"
                + "  - op: execute\n    source: erp\n    statement: \"select 1\\ngo\\n\"\n");
        Files.createDirectories(tmp.resolve("sources"));
        Files.writeString(tmp.resolve("sources/warehouse.yaml"), "type: mysql\nconn_str: mysql://h:3306/db\n"
                + "pasword: x\n");
        Files.writeString(tmp.resolve("sources/erp.yaml"), "type: jdbc\nurl: jdbc:x:y\ndriver: x.Driver\n");
        Files.writeString(tmp.resolve("sources/legacy.yaml"), "type: oracle\n");
        Files.writeString(tmp.resolve("sources/untyped.yaml"), "conn_str: x\n");
        LaunchResult r = launcher.launch("validate", "-p", tmp.toString(), "--skip-python");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getOutput()).isEqualTo("sources/legacy.yaml:1:7: Unknown source type: oracle (expected one of"
                + " duckdb, postgres, mysql, snowflake, jdbc, http).\nsources/untyped.yaml:1:1: Source \"untyped\" has"
                + " no 'type'; expected one of duckdb, postgres, mysql, snowflake, jdbc, http.\nsources/warehouse.yaml:3:1:"
                + " warning: Unknown key 'pasword' in mysql source is ignored (did you mean 'password'?).");
    }

    /**
     * A source file a flow uses that cannot be opened (an unknown type, a key its type needs missing, YAML that does
     * not read) stops {@code run} before its first step, as {@code validate} reports it: the table of the step before
     * the op that uses it is not written. Sources the flow does not use do not stop it.
     */
    @Test
    void runStopsBeforeItsFirstStepWhenASourceItUsesCannotBeOpened(QuarkusMainLauncher launcher) throws IOException {
        project("steps:\n  - op: execute\n    source: stage\n    statement: \"create table marker as select 42 as x;\\ngo\\n\"\n"
                + "  - op: execute\n    source: bad\n    statement: \"select 1\\ngo\\n\"\n"
                + "  - op: execute\n    source: noconn\n    statement: \"select 1\\ngo\\n\"\n"
                + "  - op: execute\n    source: twice\n    statement: \"select 1\\ngo\\n\"\n");
        Files.createDirectories(tmp.resolve("sources"));
        Files.writeString(tmp.resolve("sources/stage.yaml"), "type: duckdb\nconn_str: \"duckdb:///stage.duckdb\"\n");
        Files.writeString(tmp.resolve("sources/bad.yaml"), "type: duckdbb\nconn_str: \"duckdb:///:memory:\"\n");
        Files.writeString(tmp.resolve("sources/noconn.yaml"), "type: duckdb\n");
        Files.writeString(tmp.resolve("sources/twice.yaml"), "type: duckdb\ntype: duckdb\n");
        Files.writeString(tmp.resolve("sources/jdbc_no_driver.yaml"), "type: jdbc\nurl: \"jdbc:x:y\"\n");
        String problems = "sources/bad.yaml:1:7: Unknown source type: duckdbb (expected one of duckdb, postgres, mysql,"
                + " snowflake, jdbc, http).\nsources/noconn.yaml:1:1: Source \"noconn\" has no 'conn_str'; a duckdb"
                + " source needs one.\nsources/twice.yaml:2:1: ";
        LaunchResult run = launcher.launch("run", "main", "-p", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.getErrorOutput()).startsWith(problems);
        assertThat(tmp.resolve("stage.duckdb")).doesNotExist();

        LaunchResult validate = launcher.launch("validate", "-p", tmp.toString(), "--skip-python");
        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.getOutput()).contains("sources/jdbc_no_driver.yaml:1:1: Source \"jdbc_no_driver\" has no"
                + " 'driver'; a jdbc source needs one.").contains(problems.lines().toList());
    }

    private void project(String mainFlow) throws IOException {
        Files.writeString(tmp.resolve("project.yaml"), "name: cli_test\n");
        Files.createDirectories(tmp.resolve("flows"));
        Files.writeString(tmp.resolve("flows/main.yaml"), mainFlow);
    }
}
