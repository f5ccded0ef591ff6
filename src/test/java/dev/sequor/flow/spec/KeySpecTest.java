package dev.sequor.flow.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.db.SourceTypes;
import dev.sequor.flow.Diagnostics;
import dev.sequor.flow.KeyReader;
import dev.sequor.flow.OpRegistry;
import dev.sequor.testing.SchemaCheck;
import dev.sequor.yaml.YNode.YMap;
import dev.sequor.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The specs as the parser's one list of keys, and what the schemas written from them refuse. */
class KeySpecTest {

    @Test
    void aParserThatReadsAKeyItsSpecLacksFails() {
        SectionSpec spec = SectionSpec.closed("test", "A test section.", KeySpec.dyn("url", "The URL.",
                JsonType.STRING));
        KeyReader r = new KeyReader(map("url: x\nother: y\n"), "test", new Diagnostics(), spec);
        assertThat(r.dyn("url")).isNotNull();
        assertThatThrownBy(() -> r.string("other")).isInstanceOf(AssertionError.class)
                .hasMessage("the parser reads 'other' in test, which the spec 'test' does not declare");
    }

    @Test
    void unknownKeysAndHintsComeFromTheSpecNotFromWhatWasRead() {
        SectionSpec spec = SectionSpec.closed("test", "A test section.",
                KeySpec.dyn("url", "The URL.", JsonType.STRING),
                KeySpec.literal("timeout_seconds", "A limit.", JsonType.NUMBER));
        Diagnostics diag = new Diagnostics();
        KeyReader r = new KeyReader(map("url: x\ntimeout_second: 3\ntimeout_seconds: 2\n"), "test", diag, spec);
        r.dyn("url"); // timeout_seconds is never read, yet known
        r.finish();
        assertThat(diag.all()).extracting(Diagnostics.Problem::message).containsExactly(
                "Unknown key 'timeout_second' in test is ignored (did you mean 'timeout_seconds'?).");
    }

    @Test
    void paginationKnowsOnlyTheKeysOfItsType() {
        String flow = """
                steps:
                  - op: http_request
                    request: {url: "https://x.example/items"}
                    response:
                      tables: [{source: db, table: t, data_path: data}]
                      pagination: {type: cursor, cursor_param: after, cursor_path: next, limit: 10}
                """;
        Diagnostics diag = new Diagnostics();
        new dev.sequor.flow.FlowParser(diag).parse(flow, "main", "main.yaml");
        assertThat(diag.all()).extracting(Diagnostics.Problem::message).containsExactly(
                "Unknown key 'limit' in http_request response pagination is ignored.");
        assertThat(SchemaCheck.errors("flow", flow)).singleElement().asString().contains("limit");
    }

    @Test
    void theSchemaRefusesAnUnknownKeyAndAWrongType() {
        assertThat(SchemaCheck.errors("flow", """
                steps:
                  - op: print
                    message: hello
                    mesage: hello
                """)).singleElement().asString().contains("mesage");
        assertThat(SchemaCheck.errors("flow", """
                steps:
                  - op: while
                    condition: "{{ true }}"
                    max_iterations: [1]
                    steps: []
                """)).isNotEmpty().allSatisfy(e -> assertThat(e).contains("max_iterations"));
        assertThat(SchemaCheck.errors("flow", """
                steps:
                  - op: execute
                    source: db
                    statement: "select 1\\ngo"
                    transaction: "yes"
                """)).singleElement().asString().contains("transaction");
        assertThat(SchemaCheck.errors("source", "type: duckdb\nconn_string: x\n")).isNotEmpty()
                .allSatisfy(e -> assertThat(e).contains("conn_string"));
        assertThat(SchemaCheck.errors("flow", "steps:\n  - op: http_requests\n")).singleElement().asString()
                .contains("op");
    }

    @Test
    void templatesAndExpressionsStandInForValues() {
        assertThat(SchemaCheck.errors("flow", """
                steps:
                  - op: while
                    condition_expression: var('n') < 3
                    max_iterations: "{{ var('cap') }}"
                    steps: []
                  - op: http_request
                    request:
                      url_expression: "'https://x.example/' + var('p')"
                      timeout_seconds: "2.5"
                    response:
                      max_iterations: "10"
                      tables:
                        - {source: db, table: t, write_mode: "{{ var('mode') }}", data_expression: response.json()}
                """)).isEmpty();
        assertThat(SchemaCheck.errors("source", """
                type: http
                timeout_seconds: "{{ var('t') }}"
                retry: {max_attempts: 2}
                auth: {type: bearer_token, token: "{{ var('token') }}"}
                """)).isEmpty();
    }

    @Test
    void everyKeyHasADoc() {
        List<String> undocumented = new ArrayList<>();
        OpRegistry.names().forEach(n -> collect(n, OpRegistry.get(n).spec(), undocumented));
        collect("flow", FlowFileSpec.FLOW, undocumented);
        collect("source", SourceSpecs.SOURCE, undocumented);
        collect("project", ProjectFileSpecs.PROJECT, undocumented);
        collect("env", ProjectFileSpecs.ENVIRONMENT, undocumented);
        assertThat(undocumented).isEmpty();
        assertThat(SourceSpecs.SOURCE.variants().keySet()).containsExactlyElementsOf(SourceTypes.names());
    }

    private static void collect(String where, SectionSpec spec, List<String> out) {
        List<KeySpec> keys = new ArrayList<>(spec.keys());
        spec.variants().values().forEach(keys::addAll);
        for (KeySpec k : keys) {
            if (k.doc().isBlank()) {
                out.add(where + "." + k.name());
            }
            if (k.section() != null) {
                collect(where + "." + k.name(), k.section(), out);
            }
            if (k.items() != null) {
                collect(where + "." + k.name() + "[]", k.items(), out);
            }
        }
    }

    private static YMap map(String yaml) {
        return (YMap) YamlLoader.load(yaml, "test.yaml").orElseThrow();
    }
}
