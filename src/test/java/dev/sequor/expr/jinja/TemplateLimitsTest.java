package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A template has the same time limit as a Python snippet ({@code evaluation_timeout_seconds}): a loop bomb fails its
 * op with one line naming the setting, at the template line where it stopped, and the next render works.
 */
class TemplateLimitsTest {

    private static final SourcePos POS = new SourcePos("flows/f.yaml", 10, 7);
    private static final String LOOP_BOMB = "{% for a in range(1000) %}{% for b in range(1000) %}"
            + "{% for c in range(1000) %}{% endfor %}{% endfor %}{% endfor %}";
    private static final Templates TEMPLATES = Templates.shared();

    @Test
    void aLoopBombWithEmptyBodiesStopsAtTheTimeLimit() {
        assertStopsAfter(LOOP_BOMB, Duration.ofSeconds(1), POS, "1");
    }

    @Test
    void aLoopBombThatRendersTextStopsToo() {
        // 10^9 renders of an expression node: the output limit (64 MB) would take far longer than the time limit
        String bomb = "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}"
                + "{% if c < 0 %}{{ c }}{% endif %}{% endfor %}{% endfor %}{% endfor %}";
        assertStopsAfter(bomb, Duration.ofMillis(1500), POS, "1.5");
    }

    @Test
    void theErrorIsAtTheTemplateLineWhereTheRenderStopped() {
        String bomb = "start\n" + LOOP_BOMB.replace("{% for c", "\n{% for c");
        SequorException e = assertStopsAfter(bomb, Duration.ofSeconds(1), POS.plusLines(2), "1");
        assertThat(e.pos()).isEqualTo(new SourcePos("flows/f.yaml", 12, 1));
    }

    @Test
    void aLoopBombInsideAMacroStopsToo() {
        // the macro body renders while Jinjava evaluates an expression, which collects most exceptions as errors
        String bomb = "{% macro spin() %}{% for c in range(1000) %}{% endfor %}{% endmacro %}"
                + "{% for a in range(1000) %}{% for b in range(1000) %}{{ spin() }}{% endfor %}{% endfor %}";
        assertStopsAfter(bomb, Duration.ofSeconds(1), POS, "1");
    }

    @Test
    void anEvaluationInsideTheLimitIsUnaffected() {
        CompiledTemplate t = TEMPLATES.compile("{% for a in range(3) %}{{ a }}{% endfor %}", POS);
        assertThat(TEMPLATES.render(t, new MapScope(), Duration.ofSeconds(1))).isEqualTo("012");
        assertThat(TEMPLATES.render(t, new MapScope(), null)).isEqualTo("012");
        CompiledTemplate value = TEMPLATES.compile("{{ [1, 2] }}", POS);
        assertThat(TEMPLATES.evaluate(value, new MapScope(), Duration.ofSeconds(1))).isEqualTo(java.util.List.of(1L, 2L));
    }

    private static SequorException assertStopsAfter(String template, Duration limit, SourcePos where, String seconds) {
        CompiledTemplate t = TEMPLATES.compile(template, POS);
        long start = System.nanoTime();
        SequorException e = null;
        try {
            TEMPLATES.render(t, new MapScope(), limit);
        } catch (SequorException thrown) {
            e = thrown;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(e).as("the render should have failed after " + limit).isNotNull();
        assertThat(e.getMessage()).isEqualTo("Error rendering Jinja template: it ran longer than " + seconds
                + " s, the time limit for one evaluation (evaluation_timeout_seconds in project.yaml)");
        assertThat(e.pos()).isEqualTo(where);
        assertThat(e.kind()).isEqualTo(ExitCode.FLOW_FAILED);
        // the limit, plus the clock read every 1024 steps, plus a loaded machine's slack; never the bomb's hours
        assertThat(took).isGreaterThanOrEqualTo(limit).isLessThan(limit.plusSeconds(5));
        // the shared Jinjava is still usable
        assertThat(TEMPLATES.render(TEMPLATES.compile("{{ 1 + 1 }}", POS), new MapScope(), limit)).isEqualTo("2");
        return e;
    }
}
