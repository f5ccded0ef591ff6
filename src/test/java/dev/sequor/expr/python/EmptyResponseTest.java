package dev.sequor.expr.python;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.http.HttpResponseData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code response.json()} of an empty body says the body was empty, on both engines, instead of returning None. */
class EmptyResponseTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void jsonOfAnEmptyBodySaysTheBodyWasEmpty(boolean onGraalPy) {
        MapScope scope = new MapScope();
        scope.response = new HttpResponseData(204, Map.of("Content-Type", List.of("application/json")), new byte[0]);
        // a try block sends the snippet to GraalPy; the same read without one stays on the Java evaluator
        String code = onGraalPy ? "try:\n    pass\nfinally:\n    pass\nreturn response.json()['data']"
                : "response.json()['data']";
        PythonTestSupport.engine();
        Snippet s = SnippetEngine.shared().prepare(code, "data_expression", PythonTestSupport.POS);
        org.assertj.core.api.Assertions.assertThat(s.runsOnGraalPy()).isEqualTo(onGraalPy);
        assertThatThrownBy(() -> SnippetEngine.shared().call(s, scope, null))
                .hasMessage("Error evaluating 'data_expression': Response body is empty (status 204): there is no JSON "
                        + "to read; check response.text() or the status first.");
    }

    @org.junit.jupiter.api.Test
    void jsonNestedTooDeepSaysSoInsteadOfNotValid() {
        MapScope scope = new MapScope();
        String deep = "[".repeat(5000) + "]".repeat(5000);
        scope.response = new HttpResponseData(200, Map.of("Content-Type", List.of("application/json")),
                deep.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Snippet s = SnippetEngine.shared().prepare("response.json()", "data_expression", PythonTestSupport.POS);
        assertThatThrownBy(() -> SnippetEngine.shared().call(s, scope, null))
                .hasMessageStartingWith("Error evaluating 'data_expression': Response body is JSON beyond what Sequor "
                        + "reads (status 200): Document nesting depth (1001) exceeds the maximum allowed");
    }
}
