package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Jinja2's globals {@code range}, {@code cycler} and {@code joiner}; every expected text and error is Jinja2 3.1.6's. */
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

    @Test
    void cyclerGoesRoundItsItems() {
        assertThat(render("{% set c = cycler('odd', 'even') %}{% for x in range(3) %}{{ c.next() }} {% endfor %}{{ c.current }}"))
                .isEqualTo("odd even odd even");
        assertThat(render("{% set c = cycler(1, 2) %}{{ c.current }}{{ c.next() }}{{ c.next() }}{{ c.next() }}{{ c.current }}{{ c.reset() }}{{ c.current }}{{ c.next() }}"))
                .isEqualTo("11212None11");
        assertThat(render("{% set c = cycler(1, 'a') %}{{ c.items }}|{{ c.pos }}{{ c.next() }}{{ c.pos }}")).isEqualTo("(1, 'a')|011");
        assertThatThrownBy(() -> render("{% set c = cycler() %}{{ c.next() }}"))
                .hasMessage("Error rendering Jinja template: at least one item has to be provided");
        assertThatThrownBy(() -> render("{% set c = cycler(1, 2) %}{{ c.foo }}"))
                .hasMessage("Error rendering Jinja template: 'jinja2.utils.Cycler object' has no attribute 'foo'");
        assertThatThrownBy(() -> render("{% set c = cycler(1, 2) %}{{ c.next(1) }}"))
                .hasMessage("Error rendering Jinja template: Cycler.next() takes 1 positional argument but 2 were given");
    }

    @Test
    void joinerGivesTheSeparatorFromItsSecondCall() {
        assertThat(render("{% set pipe = joiner('|') %}{% for x in [1,2,3] %}{{ pipe() }}{{ x }}{% endfor %}")).isEqualTo("1|2|3");
        assertThat(render("{% set j = joiner() %}{% for x in [1,2,3] %}{{ j() }}{{ x }}{% endfor %}")).isEqualTo("1, 2, 3");
        assertThat(render("{% set j = joiner(sep=' - ') %}{% for x in [1,2,3] %}{{ j() }}{{ x }}{% endfor %}")).isEqualTo("1 - 2 - 3");
        assertThat(render("{% set j = joiner(5) %}{{ j() }}{{ j() }}{{ j() }}")).isEqualTo("55");
        assertThat(render("{% set j = joiner() %}{{ j() ~ 'x' ~ j() }}|{{ j() is string }}")).isEqualTo("x, |True");
        assertThatThrownBy(() -> render("{% set j = joiner('a', 'b') %}{{ j() }}"))
                .hasMessage("Error rendering Jinja template: Joiner.__init__() takes from 1 to 2 positional arguments but 3 were given");
        assertThatThrownBy(() -> render("{% set j = joiner(foo='a') %}{{ j() }}"))
                .hasMessage("Error rendering Jinja template: Joiner.__init__() got an unexpected keyword argument 'foo'");
        assertThatThrownBy(() -> render("{% set j = joiner() %}{{ j(1) }}"))
                .hasMessage("Error rendering Jinja template: Joiner.__call__() takes 1 positional argument but 2 were given");
    }

    @Test
    void callingAValueThatIsNoCallableFails() {
        assertThatThrownBy(() -> render("{% set x = 1 %}{{ x() }}"))
                .hasMessage("Error rendering Jinja template: 'int' object is not callable");
        assertThatThrownBy(() -> render("{% set x = none %}{{ x() }}"))
                .hasMessage("Error rendering Jinja template: 'NoneType' object is not callable");
        // a name no set assigns is still an error when the template is compiled, as before
        assertThatThrownBy(() -> templates.compile("{% if false %}{{ nofunction(1) }}{% endif %}", TemplatesTest.POS))
                .hasMessageContaining("nofunction");
    }
}
