package dev.sequor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The checks made when a flow is parsed refuse only what the op would refuse when it runs: the loose forms the ops
 * accept (text of digits for numbers, lower-case methods, an empty value meaning the default, a column type left
 * empty) pass, and values computed by templates or snippets are left for the run. The refusals themselves are in
 * the bad-input corpus ({@link BadInputCorpusTest}).
 */
class AcceptedLiteralsTest {

    @Test
    void looseFormsTheOpsAcceptPass() {
        assertThat(problems("""
                steps:
                  - op: http_request
                    id: load
                    request:
                      url: "https://api.example.com/items?x=a b"
                      method: get
                      timeout_seconds: "2.5"
                      parameters:
                      headers: {Accept: application/json}
                    response:
                      success_status: [200, "201", 599]
                      max_iterations: "10"
                      tables:
                        - source: stage
                          table: items
                          columns: {id: integer, price: {name: numeric, precision: 10, scale: 2}, note: }
                          write_mode:
                        - source: stage
                          table: more
                          columns: [{name: id, type: bigint}, {name: tags}]
                          write_mode: append
                          data: [{id: 1}]
                        - source: stage
                          table: modelled
                          columns:
                          model: {columns: {id: integer}}
                          write_mode: merge
                          primary_key: id
                        - source: stage
                          table: "Odd Lines"
                          columns: [{name: "Order Id", type: integer}, {name: line, type: integer}]
                          write_mode: merge
                          primary_key: ["Order Id", line]
                          merge_strategy: delete_insert
                        - source: stage
                          table: replaced
                          columns: {id: integer}
                          write_mode: replace
                          merge_strategy:
                  - op: transform
                    source: stage
                    query: select 1 as id
                    target_table: merged
                    write_mode: merge
                    primary_key: [id]
                    merge_strategy: upsert
                  - op: run_flow
                    flow: other
                    start_step: "0"
                  - op: set_variable
                    set:
                      a: 1
                      b: {value: 2, scope: local}
                      c: {value_expression: "1 + 1", scope: project}
                  - op: while
                    condition: "{{ false }}"
                    max_iterations: 3.0
                    steps: []
                """)).isEmpty();
    }

    @Test
    void computedValuesAreLeftForTheRun() {
        assertThat(problems("""
                steps:
                  - op: http_request
                    request:
                      url: "{{ var('base') }}/items"
                      method: "{{ var('method') }}"
                      timeout_seconds: "{{ var('t') }}"
                      parameters_expression: "{'a': 1}"
                    response:
                      success_status: ["{{ var('ok') }}", 200]
                      tables:
                        - source: "{{ var('db') }}"
                          table: items
                          columns: {id: "{{ var('id_type') }}"}
                          write_mode: "{{ var('mode') }}"
                          primary_key: [id]
                          merge_strategy: "{{ var('strategy') }}"
                        - source: stage
                          table: more
                          columns_expression: "{'id': 'integer'}"
                          write_mode: merge
                          primary_key: [id]
                        - source: stage
                          table: keyed
                          columns: {id: integer}
                          write_mode: merge
                          primary_key_expression: "['id']"
                """)).isEmpty();
    }

    @Test
    void aCloseMisspellingOfAKeyThatIsPresentStaysAWarning() {
        assertThat(problems("""
                steps:
                  - op: for_each
                    source: stage
                    table: t
                    as: row
                    steps: []
                    step: []
                """)).containsExactly("main.yaml:7:5: warning: Unknown key 'step' in for_each is ignored"
                + " (did you mean 'steps'?).");
    }

    private static java.util.List<String> problems(String flow) {
        Diagnostics diag = new Diagnostics();
        new FlowParser(diag).parse(flow, "main", "main.yaml");
        return diag.all().stream().map(Diagnostics.Problem::toString).toList();
    }
}
