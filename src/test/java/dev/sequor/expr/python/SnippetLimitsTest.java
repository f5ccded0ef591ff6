package dev.sequor.expr.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A snippet that runs too long or fills the heap fails its op with one line, on either engine. */
class SnippetLimitsTest {

    private static final SnippetEngine ENGINE = SnippetEngine.shared();

    static {
        PythonTestSupport.engine(); // the shared cache folder of the test JVM
    }

    @Test
    void anEndlessLoopOnTheJavaEvaluatorStopsAtTheTimeLimit() {
        Snippet s = ENGINE.prepare("while True:\n    pass", "value_expression", PythonTestSupport.POS);
        assertThat(s.runsOnGraalPy()).isFalse();
        assertThatThrownBy(() -> ENGINE.call(s, new MapScope(), Duration.ofMillis(300)))
                .isInstanceOf(SequorException.class)
                .satisfies(e -> assertThat(((SequorException) e).pos()).isEqualTo(PythonTestSupport.POS))
                .hasMessage("Error evaluating 'value_expression': it ran longer than 0.3 s, the time "
                        + "limit for one evaluation (evaluation_timeout_seconds in project.yaml)");
    }

    @Test
    void anEndlessComprehensionOrRecursionIsBoundedToo() {
        Snippet s = ENGINE.prepare("""
                def spin(n):
                    return [spin(i) for i in range(n)]
                return spin(30)""", "value_expression", PythonTestSupport.POS);
        assertThatThrownBy(() -> ENGINE.call(s, new MapScope(), Duration.ofMillis(300)))
                .hasMessageContaining("it ran longer than 0.3 s");
    }

    @Test
    void anEndlessLoopOnGraalPyStopsAtTheTimeLimitAndTheEngineStaysUsable() {
        Snippet s = ENGINE.prepare("try:\n    while True:\n        pass\nexcept BaseException:\n    return 'caught'",
                "value_expression", PythonTestSupport.POS);
        assertThat(s.runsOnGraalPy()).isTrue();
        PythonEngine.shared().checkSyntax(s.graalPy()); // start GraalPy first: its start-up does not count
        assertThatThrownBy(() -> ENGINE.call(s, new MapScope(), Duration.ofSeconds(1)))
                .hasMessage("Error evaluating 'value_expression': it ran longer than 1 s, the time "
                        + "limit for one evaluation (evaluation_timeout_seconds in project.yaml)");
        Snippet next = ENGINE.prepare("try:\n    return 1 + 1\nexcept Exception:\n    return 0", "value_expression",
                PythonTestSupport.POS);
        assertThat(ENGINE.call(next, new MapScope(), Duration.ofSeconds(30))).isEqualTo(2L);
    }

    @Test
    void runningOutOfMemoryIsAMemoryErrorOfTheSnippet() {
        Snippet s = ENGINE.prepare("x = [0] * 2000000000\nreturn len(x)", "value_expression", PythonTestSupport.POS);
        assertThatThrownBy(() -> ENGINE.call(s, new MapScope(), Duration.ofSeconds(30)))
                .hasMessage("Error evaluating 'value_expression': MemoryError: the snippet ran out "
                        + "of memory");
    }
}
