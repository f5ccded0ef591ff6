package dev.sequor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.flow.spec.JsonSchemas;
import dev.sequor.flow.spec.OpReference;
import dev.sequor.testing.SchemaCheck;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sequor schema} and what {@code sequor init} writes for editors, on the real command line. */
@QuarkusMainTest
class SchemaCliTest {

    @TempDir
    Path tmp;

    @Test
    void printsEachKindsSchemaFlowByDefault(QuarkusMainLauncher launcher) {
        LaunchResult plain = launcher.launch("schema");
        assertThat(plain.exitCode()).isZero();
        assertThat(plain.getOutput()).isEqualTo(JsonSchemas.text("flow").strip());
        assertThat(plain.getOutput()).contains("\"$schema\" : \"http://json-schema.org/draft-07/schema#\"",
                "\"op_http_request\"", "\"url_expression\"");
        for (String kind : JsonSchemas.KINDS) {
            LaunchResult r = launcher.launch("schema", kind);
            assertThat(r.exitCode()).isZero();
            assertThat(r.getOutput()).isEqualTo(JsonSchemas.text(kind).strip());
        }
        assertThat(launcher.launch("schema", "source").getOutput()).contains("\"conn_str\"", "\"rate_limit\"");
    }

    @Test
    void anUnknownKindIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("schema", "flows");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getErrorOutput()).isEqualTo("Error: Unknown schema kind: 'flows'; expected one of flow, source,"
                + " project, env. Run 'sequor schema --help' for usage.");
    }

    @Test
    void markdownPrintsTheOpReference(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("schema", "--markdown");
        assertThat(r.exitCode()).isZero();
        assertThat(r.getOutput()).isEqualTo(OpReference.markdown().strip());
        assertThat(r.getOutput()).contains("#### http_request", "| `request.url` / `request.url_expression` |");
    }

    @Test
    void initWritesSchemasEditorSettingsAndModelinesAndTheScaffoldIsValid(QuarkusMainLauncher launcher)
            throws IOException {
        Path dir = tmp.resolve("proj");
        LaunchResult init = launcher.launch("init", dir.toString(), "--home-dir", tmp.resolve("home").toString());
        assertThat(init.exitCode()).as(init.getErrorOutput()).isZero();
        for (String kind : JsonSchemas.KINDS) {
            assertThat(dir.resolve(".sequor/schema/" + kind + ".schema.json")).hasContent(JsonSchemas.text(kind));
        }
        assertThat(Files.readString(dir.resolve(".vscode/settings.json"))).isEqualTo("""
                {
                  "yaml.schemas": {
                    "./.sequor/schema/flow.schema.json": ["flows/**/*.yaml"],
                    "./.sequor/schema/source.schema.json": ["sources/*.yaml"],
                    "./.sequor/schema/project.schema.json": ["project.yaml"]
                  }
                }
                """);
        String flow = Files.readString(dir.resolve("flows/hello.yaml"));
        String source = Files.readString(dir.resolve("sources/local_db.yaml"));
        String project = Files.readString(dir.resolve("project.yaml"));
        assertThat(flow).startsWith("# yaml-language-server: $schema=../.sequor/schema/flow.schema.json\n");
        assertThat(source).startsWith("# yaml-language-server: $schema=../.sequor/schema/source.schema.json\n");
        assertThat(project).startsWith("# yaml-language-server: $schema=.sequor/schema/project.schema.json\n");
        assertThat(SchemaCheck.errors("flow", flow)).isEmpty();
        assertThat(SchemaCheck.errors("source", source)).isEmpty();
        assertThat(SchemaCheck.errors("project", project)).isEmpty();
    }

    @Test
    void writeRefreshesTheProjectsSchemas(QuarkusMainLauncher launcher) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(dir.resolve("project.yaml"), "name: old\n");
        Files.createDirectories(dir.resolve(".sequor/schema"));
        Files.writeString(dir.resolve(".sequor/schema/flow.schema.json"), "{}");
        LaunchResult r = launcher.launch("schema", "--write", "-p", dir.toString());
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        assertThat(r.getErrorOutput()).isEqualTo("""
                Wrote .sequor/schema/flow.schema.json
                Wrote .sequor/schema/source.schema.json
                Wrote .sequor/schema/project.schema.json
                Wrote .sequor/schema/env.schema.json""");
        assertThat(dir.resolve(".sequor/schema/flow.schema.json")).hasContent(JsonSchemas.text("flow"));
    }
}
