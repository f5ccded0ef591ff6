package dev.sequor.flow.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.db.SourceTypes;
import dev.sequor.flow.Diagnostics;
import dev.sequor.flow.FlowParser;
import dev.sequor.run.SourceFiles;
import dev.sequor.testing.SchemaCheck;
import dev.sequor.yaml.YNode.YMap;
import dev.sequor.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated schemas against every flow and source file the project holds: the examples, upstream's examples,
 * the benchmarks' flows, the golden flows and the bad-input corpus. Every file the parser takes without a word must validate (an editor
 * must never underline a flow that runs); a file the schema refuses must be one the parser reports problems in.
 * Parsing them all also runs {@code KeyReader}'s assertion that the parser reads no key its spec lacks.
 */
class JsonSchemaFilesTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final Path BAD_INPUT = Path.of("src", "test", "resources", "bad-input");
    private static final Path UPSTREAM = Path.of("..", "shared", "compat", "upstream-examples");

    @Test
    void examplesAndUpstreamExamplesAreValid() throws IOException {
        List<Path> flows = new ArrayList<>(yamlUnder(Path.of("examples"), "flows"));
        // upstream keeps its examples' environment variables next to the flows (*_env.yaml): not flows
        flows.addAll(yamlUnder(UPSTREAM, "flows").stream().filter(p -> !p.toString().endsWith("_env.yaml")).toList());
        List<Path> sources = new ArrayList<>(yamlUnder(Path.of("examples"), "sources"));
        sources.addAll(yamlUnder(UPSTREAM, "sources"));
        assertThat(flows).hasSizeGreaterThanOrEqualTo(6);
        assertThat(sources).hasSizeGreaterThanOrEqualTo(9);
        for (Path f : flows) {
            String text = Files.readString(f);
            assertThat(parserProblems(text)).as("parser on %s", f).isEmpty();
            assertThat(SchemaCheck.errors("flow", text)).as("schema on %s", f).isEmpty();
        }
        for (Path f : sources) {
            assertThat(SchemaCheck.errors("source", Files.readString(f))).as("schema on %s", f).isEmpty();
        }
        for (Path p : List.of(UPSTREAM.resolve("project.yaml"), Path.of("examples/shopify-mailchimp/project.yaml"))) {
            assertThat(SchemaCheck.errors("project", Files.readString(p))).as("schema on %s", p).isEmpty();
        }
        assertThat(SchemaCheck.errors("env", Files.readString(Path.of("examples/shopify-mailchimp/demo-env.yaml"))))
                .isEmpty();
        List<Path> benchFlows = yamlUnder(Path.of("bench"), "flows");
        assertThat(benchFlows).isNotEmpty();
        for (Path f : benchFlows) {
            agrees(f.toString(), Files.readString(f));
        }
    }

    @Test
    void goldenFlowsTheParserTakesAreValidAndRefusalsAreTheParsers() throws IOException {
        List<Path> flows = yamlUnder(GOLDEN, "flows");
        assertThat(flows).hasSizeGreaterThan(50);
        int valid = 0;
        for (Path f : flows) {
            String text = Files.readString(f);
            if (parses(text)) {
                valid += agrees(f.toString(), text) ? 1 : 0;
            }
        }
        assertThat(valid).as("golden flows the parser takes").isGreaterThan(40);
        List<Path> sources = yamlUnder(GOLDEN, "sources");
        assertThat(sources).isNotEmpty();
        for (Path f : sources) {
            String text = Files.readString(f);
            List<String> schemaErrors = SchemaCheck.errors("source", text);
            if (!schemaErrors.isEmpty()) {
                assertThat(unknownSourceKeys(text)).as("reader on %s, which the schema refuses: %s", f, schemaErrors)
                        .isNotEmpty();
            }
        }
    }

    @Test
    void badInputIsRefusedOnlyWhereTheParserRefusesIt() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.list(BAD_INPUT)) {
            cases = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int refused = 0;
        for (Path c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) YamlLoader.load(Files.readString(c), c.toString())
                    .orElseThrow().toPlain();
            String flow = (String) m.get("flow");
            if (parses(flow)) {
                refused += agrees(c.toString(), flow) ? 0 : 1;
            }
        }
        assertThat(refused).as("bad-input flows the schema refuses too").isGreaterThan(15);
    }

    /**
     * Checks one flow: valid when the parser reports nothing, and reported by the parser when invalid. True when
     * it is valid.
     */
    private static boolean agrees(String name, String text) {
        List<String> schemaErrors = SchemaCheck.errors("flow", text);
        List<Diagnostics.Problem> problems = parserProblems(text);
        if (problems.isEmpty()) {
            assertThat(schemaErrors).as("schema on %s, which the parser takes", name).isEmpty();
        }
        if (!schemaErrors.isEmpty()) {
            assertThat(problems).as("parser on %s, which the schema refuses: %s", name, schemaErrors).isNotEmpty();
        }
        return schemaErrors.isEmpty();
    }

    /** The warnings a run gives for a source file's keys ({@code run.SourceFiles}). */
    private static List<Diagnostics.Problem> unknownSourceKeys(String text) {
        YMap file = (YMap) YamlLoader.load(text, "source.yaml").orElseThrow();
        String type = file.get("type") == null ? null : String.valueOf(file.get("type").toPlain());
        if (SourceTypes.HTTP.equals(type)) {
            return SourceFiles.unknownHttpKeys(file);
        }
        return SourceFiles.unknownDatabaseKeys(file, SourceTypes.named(type).orElseThrow());
    }

    private static boolean parses(String text) {
        try {
            YamlLoader.load(text, "main.yaml");
            return true;
        } catch (RuntimeException e) {
            return false; // malformed YAML: no document to validate
        }
    }

    private static List<Diagnostics.Problem> parserProblems(String text) {
        Diagnostics diag = new Diagnostics();
        new FlowParser(diag).parse(text, "main", "main.yaml");
        return diag.all();
    }

    private static boolean inFolder(Path relative, String folder) {
        for (Path part : relative) {
            if (part.toString().equals(folder)) {
                return true;
            }
        }
        return false;
    }

    /** The .yaml files in folders named {@code folder} under {@code root}, sorted. */
    private static List<Path> yamlUnder(Path root, String folder) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".yaml") && inFolder(root.relativize(p), folder)).sorted()
                    .toList();
        }
    }
}
