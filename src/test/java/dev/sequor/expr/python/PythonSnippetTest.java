package dev.sequor.expr.python;

import static dev.sequor.expr.python.PythonTestSupport.POS;
import static dev.sequor.expr.python.PythonTestSupport.engine;
import static dev.sequor.expr.python.PythonTestSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.db.Row;
import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Upstream's calling convention: expression or body, the names in scope, and the error texts. */
class PythonSnippetTest {

    @Test
    void singleExpressionIsReturned() {
        assertThat(eval("'https://api/' + var('id')", new MapScope().var("id", "42"))).isEqualTo("https://api/42");
    }

    @Test
    void expressionWithTrailingCommentWorks() {
        assertThat(eval("1 + 2  # three\n")).isEqualTo(3L);
        assertThat(eval("[1,\n 2]  # two items")).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void bodyMustReturnItself() {
        assertThat(eval("x = var('n') * 2\nif x > 5:\n    return 'big'\nreturn 'small'", new MapScope().var("n", 3L)))
                .isEqualTo("big");
        assertThat(eval("x = 1")).isNull();
    }

    @Test
    void defEvaluateIsRejectedWithUpstreamText() {
        assertThatThrownBy(() -> engine().prepare("  def evaluate(context):\n    return 1", "url_expression", POS))
                .isInstanceOfSatisfying(SequorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.pos()).isEqualTo(POS);
                })
                .hasMessage("Sequor does not require to define 'evaluate' function anymore. Please remove the "
                        + "'def evaluate(...):' line from the function code of YAML property 'url_expression'");
    }

    @Test
    void syntaxErrorNamesLineInCodeAndInYaml() {
        PythonSnippet s = engine().prepare("x = 1\ny = (x +\nreturn y", "url_expression", POS);
        assertThatThrownBy(() -> engine().checkSyntax(s))
                .isInstanceOfSatisfying(SequorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.pos()).isEqualTo(POS);
                })
                .hasMessageStartingWith("Syntax error in url_expression (line 2 of code, line 12 in YAML): SyntaxError: ");
    }

    @Test
    void syntaxErrorOnFirstLine() {
        PythonSnippet s = engine().prepare("return )", "body_expression", POS);
        assertThatThrownBy(() -> engine().call(s, new MapScope()))
                .hasMessage("Syntax error in body_expression (line 1 of code, line 11 in YAML): "
                        + "SyntaxError: unmatched ')'");
    }

    @Test
    void indentationErrorsAreSyntaxErrors() {
        PythonSnippet s = engine().prepare("\nx = 1\n  return x", "body_expression", POS);
        assertThatThrownBy(() -> engine().checkSyntax(s))
                .hasMessage("Syntax error in body_expression (line 3 of code, line 13 in YAML): SyntaxError: unexpected indent");
        PythonSnippet nested = engine().prepare("x = 1\nif x:  # yes\n    y = 2\n\n        z = 3\nreturn y", "b_expression", POS);
        assertThatThrownBy(() -> engine().checkSyntax(nested))
                .hasMessage("Syntax error in b_expression (line 5 of code, line 15 in YAML): SyntaxError: unexpected indent");
        PythonSnippet missing = engine().prepare("if True:\nreturn 1", "c_expression", POS);
        assertThatThrownBy(() -> engine().checkSyntax(missing))
                .hasMessage("Syntax error in c_expression (line 2 of code, line 12 in YAML): SyntaxError: "
                        + "expected an indented block after 'if' statement on line 2");
    }

    @Test
    void runtimeErrorNamesKeyTypeAndMessage() {
        PythonSnippet s = engine().prepare("1 / 0", "url_expression", POS);
        assertThatThrownBy(() -> engine().call(s, new MapScope()))
                .isInstanceOfSatisfying(SequorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ExitCode.FLOW_FAILED);
                    assertThat(e.pos()).isEqualTo(POS);
                })
                .hasMessage("Error evaluating 'url_expression': ZeroDivisionError: division by zero");
        assertThatThrownBy(() -> eval("{'a': 1}['b']")).hasMessage("Error evaluating 'value_expression': KeyError: 'b'");
        assertThatThrownBy(() -> eval("raise ValueError()")).hasMessage("Error evaluating 'value_expression': ValueError");
    }

    @Test
    void sequorErrorsPassThroughUnchanged() {
        assertThatThrownBy(() -> eval("var('missing')"))
                .hasMessage("Error evaluating 'value_expression': Variable 'missing' is not defined")
                .hasCauseInstanceOf(SequorException.class)
                .cause().hasMessage("Variable 'missing' is not defined");
    }

    @Test
    void sequorErrorsCanBeCaughtInsideSnippets() {
        assertThat(eval("try:\n    return var('missing')\nexcept Exception as e:\n    return 'caught: ' + str(e)"))
                .isEqualTo("caught: Variable 'missing' is not defined");
    }

    @Test
    void namesInScopeDelegateToTheScope() {
        MapScope scope = new MapScope().var("a", "x")
                .result("db", "select 1", List.of(Row.of(List.of("n"), List.of(1L))))
                .result("db", "SELECT * FROM s.t", List.of(Row.of(List.of("id"), List.of(7L))));
        assertThat(eval("[is_var_defined('a'), is_var_defined('b'), context.is_var_defined('a'), context.var('a')]",
                scope)).isEqualTo(List.of(true, false, true, "x"));
        assertThat(eval("query_scalar('db', 'select 1') + context.query_scalar('db', 'select 1')", scope)).isEqualTo(2L);
        assertThat(eval("table('db', 't', namespace='s')[0]['id']", scope)).isEqualTo(7L);
        assertThat(eval("context.table('db', 't', None, 's')[0]['id']", scope)).isEqualTo(7L);
        assertThat(scope.calls).contains("table db t null s");
        assertThat(eval("[response is None, query_scalar('db', 'select none') is None]",
                scope.result("db", "select none", List.of()))).isEqualTo(List.of(true, true));
    }

    @Test
    void contextSourcesQueryReturnsRows() {
        MapScope scope = new MapScope().result("warehouse", "select id from t",
                List.of(Row.of(List.of("id"), List.of(1L)), Row.of(List.of("id"), List.of(2L))));
        assertThat(eval("[r['id'] for r in context.sources.query('warehouse', 'select id from t', "
                + "database_name=None, namespace_name=None)]", scope)).isEqualTo(List.of(1L, 2L));
        assertThat(eval("len(context.query('warehouse', 'select id from t'))", scope)).isEqualTo(2L);
        assertThat(scope.calls).containsExactly("query warehouse select id from t", "query warehouse select id from t");
    }

    @Test
    void queryErrorsPassThrough() {
        assertThatThrownBy(() -> eval("query('nope', 'select 1')"))
                .hasMessage("Error evaluating 'value_expression': Source 'nope' is not defined");
    }

    @Test
    void eachSnippetIsCompiledOnceAndRunsMany() {
        // a snippet's globals are created when it is compiled, so a counter there shows how often that happened
        PythonSnippet s = engine().prepare("global runs\nruns = globals().get('runs', 0) + 1\nreturn runs * var('i')",
                "value_expression", POS);
        assertThat(engine().call(s, new MapScope().var("i", 1L))).isEqualTo(1L);
        assertThat(engine().call(s, new MapScope().var("i", 10L))).isEqualTo(20L);
        engine().checkSyntax(s);
        assertThat(engine().call(s, new MapScope().var("i", 1L))).isEqualTo(3L);
    }

    @Test
    void snippetsDoNotShareGlobals() {
        eval("global leaked\nleaked = 1\nreturn leaked");
        assertThatThrownBy(() -> eval("leaked")).hasMessage("Error evaluating 'value_expression': NameError: "
                + "name 'leaked' is not defined");
    }

    @Test
    void callsFromManyThreadsAreSerialized() throws Exception {
        PythonSnippet s = engine().prepare("x = var('i')\ntotal = 0\nfor k in range(200):\n    total += k\n"
                + "return (x, total)", "value_expression", POS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (long i = 0; i < 40; i++) {
                MapScope scope = new MapScope().var("i", i);
                results.add(pool.submit(() -> engine().call(s, scope)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(List.of((long) i, 19900L));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
