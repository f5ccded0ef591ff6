package dev.sequor.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sequor.testing.FlowProject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code data_path} and response variable paths: JMESPath over the body, no Python. */
class ResponsePathsTest {

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @TempDir
    Path tmp;

    private FlowProject project;

    @BeforeEach
    void setUp() throws Exception {
        api.resetAll();
        api.stubFor(get(urlPathEqualTo("/customers")).willReturn(okJson("""
                {"customers": [{"id": 1, "name": "Ann", "state": "enabled"},
                               {"id": 2, "name": "Bob", "state": "disabled"},
                               {"id": 3, "name": "Cy", "state": "enabled"}],
                 "meta": {"next_cursor": "c-3", "total": 3, "owner": {"id": 9, "name": "Ops"}},
                 "empty": null, "word": "text"}""")));
        project = FlowProject.create(tmp, FlowProject.Db.DUCKDB, null, "base: \"" + api.baseUrl() + "\"");
    }

    /** One fetch op writing {@code table}; {@code tableKeys} and {@code responseKeys} are YAML lines at column 0. */
    private static String op(String id, String table, String tableKeys, String responseKeys) {
        return """
                  - op: http_request
                    id: %s
                    request:
                      url: "{{ var('base') }}/customers"
                    response:
                      tables:
                        - source: stage
                          table: %s
                          columns: {id: integer, name: text}
                """.formatted(id, table) + tableKeys.indent(10) + responseKeys.indent(6);
    }

    @Test
    void aListPathGivesRowsAndAFilterSelectsSomeOfThem() throws Exception {
        project.flow("main", "steps:\n" + op("fetch", "all_rows", "data_path: customers", "") + """
                  - op: http_request
                    id: enabled
                    request:
                      url: "{{ var('base') }}/customers"
                    response:
                      tables:
                        - source: stage
                          table: enabled_rows
                          columns: {id: integer, name: text}
                          data_path: "customers[?state=='enabled']"
                """);
        FlowProject.Result r = project.run("main");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(project.rows("SELECT id, name FROM all_rows ORDER BY id"))
                .containsExactly(List.of("1", "Ann"), List.of("2", "Bob"), List.of("3", "Cy"));
        assertThat(project.rows("SELECT id, name FROM enabled_rows ORDER BY id"))
                .containsExactly(List.of("1", "Ann"), List.of("3", "Cy"));
    }

    @Test
    void anObjectIsOneRowAndNullOrMissingIsNoRows() throws Exception {
        project.flow("main", "steps:\n" + op("f1", "owner", "data_path: meta.owner", "")
                + op("f2", "nothing_null", "data_path: empty", "")
                + op("f3", "nothing_missing", "data_path: no.such.key", ""));
        FlowProject.Result r = project.run("main");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(project.rows("SELECT id, name FROM owner")).containsExactly(List.of("9", "Ops"));
        assertThat(project.rows("SELECT count(*) FROM nothing_null")).containsExactly(List.of("0"));
        assertThat(project.rows("SELECT count(*) FROM nothing_missing")).containsExactly(List.of("0"));
    }

    @Test
    void variablesTakeTheirValueFromPathsInBothForms() throws Exception {
        project.flow("main", "steps:\n" + op("fetch", "all_rows", "data_path: \"@.customers\"", """
                variables:
                  cursor_path: meta.next_cursor
                  last_id:
                    value_path: "customers[-1].id"
                    scope: project
                """) + """
                  - op: print
                    message: "{{ var('cursor') }} {{ var('last_id') }}"
                """);
        FlowProject.Result r = project.run("main");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("c-3 3");
        assertThat(project.savedVariables()).containsEntry("last_id", 3);
    }

    /**
     * Upstream has no NAME_path short form: {@code export_path: out} there set a variable named export_path. Here it
     * reads the body's field 'out'; when the first response has no such field, the run says what happened and how to
     * write the upstream meaning, once however many responses follow. A field the body has is not warned about.
     */
    @Test
    void aShortFormPathWhoseLeadingFieldTheBodyLacksIsWarnedAboutOnce() throws Exception {
        project.flow("main", """
                steps:
                  - op: set_variable
                    set: {n: 0}
                """ + op("fetch", "all_rows", "data_path: customers", """
                variables:
                  export_path: out.csv
                  cursor_path: meta.next_cursor
                  n_expression: var('n') + 1
                while_expression: var('n') < 3
                """));
        FlowProject.Result r = project.run("main");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(api.getAllServeEvents()).hasSize(3);
        String warning = "flows/main.yaml:15:22: warning: \"http_request: fetch\": response variable 'export_path' reads"
                + " the path 'out.csv' of the response body, which has no field 'out', so 'export' is None; to set a"
                + " variable named 'export_path' write export_path: {value: ..., scope: project}.";
        assertThat(r.err()).containsOnlyOnce(warning).doesNotContain("'cursor_path'");
    }

    /** A value that is no path at all (a file name, a template) is refused before any request, saying the same. */
    @Test
    void aShortFormValueThatIsNoPathIsRefusedWithTheUpstreamSpelling() throws Exception {
        project.flow("main", "steps:\n" + op("fetch", "all_rows", "data_path: customers", """
                variables:
                  export_path: /tmp/out.csv
                """));
        FlowProject.Result r = project.run("main");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("flows/main.yaml:13:22: ").contains("'export_path' in ").contains("is not a valid"
                + " JMESPath expression: ").contains("; NAME_path reads a path of the response body, so a variable named"
                + " 'export_path' is written export_path: {value: ..., scope: project}.");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void aPathSelectingAScalarForRowsFailsNamingTheTableAndPath() throws Exception {
        project.flow("main", "steps:\n" + op("fetch", "bad", "data_path: word", ""));
        FlowProject.Result r = project.run("main");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("data_path 'word' of table 'bad' selected str 'text' in the response; expected a list"
                + " of objects, one object, or nothing.");
    }

    /** A projection that gives numbers or lists, not objects: named by the path, at the path, with the first item. */
    @Test
    void aPathSelectingAListOfNonObjectsFailsNamingThePathAndTheItem() throws Exception {
        project.flow("main", "steps:\n" + op("fetch", "ids", "data_path: \"customers[*].id\"", ""));
        FlowProject.Result r = project.run("main");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("flows/main.yaml:11:22: ").contains("data_path 'customers[*].id' of table 'ids'"
                + " selected a list whose item 1 is int 1; expected a list of objects, one object, or nothing.");
    }

    @Test
    void anInvalidPathIsReportedBeforeAnyRequest() throws Exception {
        project.flow("main", "steps:\n" + op("fetch", "bad", "data_path: \"customers[?\"", ""));
        FlowProject.Result r = project.run("main");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("flows/main.yaml:11:22: ").contains("'data_path' in ").contains("is not a valid JMESPath"
                + " expression: syntax error");
        assertThat(api.getAllServeEvents()).isEmpty();
    }
}
