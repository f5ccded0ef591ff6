package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Jinja2's global {@code range}; every expected text and error is Jinja2 3.1.6's. */
class GlobalsTest {

    final Templates templates = Templates.shared();
    final MapScope scope = new MapScope();

    String render(String text) {
        return templates.render(templates.compile(text, TemplatesTest.POS), scope, TemplatesTest.LIMIT);
    }

    @Test
    void rangePrintsAsPythonsRange() {
        assertThat(render("{{ range(3) }}|{{ range(1, 10, 2) }}|{{ range(5, 0, -1) }}|{{ range(0) }}|{{ range(-3) }}"))
                .isEqualTo("range(0, 3)|range(1, 10, 2)|range(5, 0, -1)|range(0, 0)|range(0, -3)");
        assertThat(render("{{ range(3) ~ '' }}|{{ range(3)|string }}|{{ [range(2)] }}|{{ {'a': range(2)} }}"))
                .isEqualTo("range(0, 3)|range(0, 3)|[range(0, 2)]|{'a': range(0, 2)}");
        assertThat(render("{% set r = range(3) %}{{ r }}{% for i in r %}{{ i }}{% endfor %}{{ r|length }}{{ r }}"))
                .isEqualTo("range(0, 3)0123range(0, 3)");
    }

    @Test
    void aRangeIsStillASequence() {
        assertThat(render("{{ range(3)|list }}|{{ range(3)|length }}|{{ 2 in range(3) }}|{{ 3 in range(3) }}|{{ range(3)|join(',') }}|{{ range(3)[1] }}|{{ range(3)[-1] }}"))
                .isEqualTo("[0, 1, 2]|3|True|False|0,1,2|1|2");
        assertThat(render("{{ range(3) == [0,1,2] }}|{{ range(3)|first }}|{{ range(3)|last }}|{{ range(3)|sum }}|{{ range(3)|reverse|list }}"))
                .isEqualTo("False|0|2|3|[2, 1, 0]");
        assertThat(render("{{ range(3)|count }}|{{ range(3) is sequence }}|{{ range(3)|map('string')|list }}|{{ range(3)|select('odd')|list }}"))
                .isEqualTo("3|True|['0', '1', '2']|[1]");
        assertThat(render("{% for i in range(2) %}{% for j in range(2) %}{{ i }}{{ j }}{{ loop.length }} {% endfor %}{% endfor %}"))
                .isEqualTo("002 012 102 112 ");
        // Jinjava's range stopped at 1,000 items; Python's has no such limit
        assertThat(render("{{ range(5000)|length }}|{{ range(5000)|last }}")).isEqualTo("5000|4999");
    }

    @Test
    void badRangeArgumentsFailAsInPython() {
        assertThatThrownBy(() -> render("{{ range('a') }}"))
                .hasMessage("Error rendering Jinja template: 'str' object cannot be interpreted as an integer");
        assertThatThrownBy(() -> render("{{ range(1.5) }}"))
                .hasMessage("Error rendering Jinja template: 'float' object cannot be interpreted as an integer");
        assertThatThrownBy(() -> render("{{ range() }}"))
                .hasMessage("Error rendering Jinja template: range expected at least 1 argument, got 0");
        assertThatThrownBy(() -> render("{{ range(1, 2, 3, 4) }}"))
                .hasMessage("Error rendering Jinja template: range expected at most 3 arguments, got 4");
        assertThatThrownBy(() -> render("{{ range(1, 2, 0) }}"))
                .hasMessage("Error rendering Jinja template: range() arg 3 must not be zero");
    }
}
