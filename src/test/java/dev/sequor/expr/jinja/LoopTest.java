package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Jinja2's {@code loop} ({@code previtem}, {@code nextitem}, {@code changed}, {@code cycle}, {@code depth}) and
 * {@code for ... recursive}; every expected text and error is Jinja2 3.1.6's (StrictUndefined, as upstream).
 */
class LoopTest {

    final Templates templates = Templates.shared();
    final MapScope scope = new MapScope();

    String render(String text) {
        return templates.render(templates.compile(text, TemplatesTest.POS), scope, TemplatesTest.LIMIT);
    }

    /** a > (b, c > d), as JSON gives it. */
    static List<Object> tree() {
        Map<String, Object> d = Map.of("n", "d", "c", List.of());
        Map<String, Object> c = Map.of("n", "c", "c", List.of(d));
        Map<String, Object> b = Map.of("n", "b", "c", List.of());
        return List.of(Map.of("n", "a", "c", List.of(b, c)));
    }

    @Test
    void jinjavasCountersStayAsTheyWere() {
        assertThat(render("{% for x in [1, 2] %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }} {% endfor %}"))
                .isEqualTo("1021TrueFalse2 2110FalseTrue2 ");
        assertThat(render("{% for x in [1, 1, 2, 3, 3] %}{{ loop.depth }}{{ loop.depth0 }}{% endfor %}")).isEqualTo("1010101010");
        assertThat(render("{% for x in [1, 1, 2, 3, 3] %}{{ loop }}{% endfor %}"))
                .isEqualTo("<LoopContext 1/5><LoopContext 2/5><LoopContext 3/5><LoopContext 4/5><LoopContext 5/5>");
        assertThatThrownBy(() -> render("{% for x in [1, 2] %}{{ loop.foo }}{% endfor %}"))
                .hasMessage("Error rendering Jinja template: 'jinja2.runtime.LoopContext object' has no attribute 'foo'");
    }

    @Test
    void previtemAndNextitemAreUndefinedAtTheEnds() {
        assertThat(render("{% for i in range(3) %}{{ loop.previtem is defined }}{{ loop.nextitem is defined }}{% endfor %}"))
                .isEqualTo("FalseTrueTrueTrueTrueFalse");
        assertThat(render("{% for i in range(3) %}[{{ loop.previtem|default('-') }},{{ loop.nextitem|default('-') }}]{% endfor %}"))
                .isEqualTo("[-,1][0,2][1,-]");
        assertThat(render("{% for i in range(3) %}{% if not loop.last %}{{ loop.nextitem }}{% endif %}{% endfor %}")).isEqualTo("12");
        // a loop filter's items only
        assertThat(render("{% for x in [1, 2, 3] if x > 1 %}{{ loop.previtem|default('-') }}{{ x }}{{ loop.nextitem|default('-') }}|{% endfor %}"))
                .isEqualTo("-23|23-|");
        assertThatThrownBy(() -> render("{% for i in range(3) %}{{ loop.previtem }}{% endfor %}"))
                .hasMessage("Error rendering Jinja template: there is no previous item");
        assertThatThrownBy(() -> render("{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}{{ loop.nextitem }}{% endfor %}"))
                .hasMessage("Error rendering Jinja template: there is no next item");
    }

    @Test
    void changedAndCycle() {
        assertThat(render("{% for x in [1, 1, 2, 3, 3] %}{% if loop.changed(x) %}{{ x }}{% endif %}{% endfor %}")).isEqualTo("123");
        assertThat(render("{% for x in [1, 1, 2, 3, 3] %}{{ loop.changed(x, 1) }}{% endfor %}")).isEqualTo("TrueFalseTrueTrueFalse");
        assertThat(render("{% for x in [1, 1, 2, 3, 3] %}{{ loop.changed() }}{% endfor %}")).isEqualTo("TrueFalseFalseFalseFalse");
        assertThat(render("{% for x in [1, 1, 2, 3, 3] %}{{ loop.cycle('a', 'b') }}{% endfor %}")).isEqualTo("ababa");
        assertThatThrownBy(() -> render("{% for x in [1, 2] %}{{ loop.cycle() }}{% endfor %}"))
                .hasMessage("Error rendering Jinja template: no items for cycling given");
    }

    @Test
    void aNoneItemHidesAnOuterVariable() {
        // Jinjava printed its marker for it, "null"
        assertThat(render("{% set x = 5 %}{% for x in [none] %}{{ x }}{% endfor %}{{ x }}")).isEqualTo("None5");
        assertThat(render("{% set x = 5 %}{% for a, x in [[1, none]] %}{{ x }}{% endfor %}")).isEqualTo("None");
    }

    @Test
    void aRecursiveLoopRendersEveryLevel() {
        scope.var("items", tree());
        assertThat(render("{% for x in var('items') recursive %}<{{ x.n }}{% if x.c %}:{{ loop(x.c) }}{% endif %}>{% endfor %}"))
                .isEqualTo("<a:<b><c:<d>>>");
        assertThat(render("{% for x in var('items') recursive %}{{ loop.depth }}{{ loop.depth0 }}{{ x.n }}{{ loop.index }}/{{ loop.length }}{% if x.c %}({{ loop(x.c) }}){% endif %}{% endfor %}"))
                .isEqualTo("10a1/1(21b1/221c2/2(32d1/1))");
        // the else branch and the loop filter apply at every level
        assertThat(render("{% for x in var('items') recursive %}{{ x.n }}[{{ loop(x.c) }}]{% else %}E{% endfor %}"))
                .isEqualTo("a[b[E]c[d[E]]]");
        assertThat(render("{% for x in var('items') if x.n != 'c' recursive %}{{ x.n }}{{ loop(x.c) }}{% endfor %}")).isEqualTo("ab");
        // loop is the innermost loop's
        assertThat(render("{% for x in var('items') recursive %}{% for y in x.c recursive %}{{ y.n }}{{ loop.depth }}{{ loop(y.c) }}{% endfor %}{{ loop.depth }}{% endfor %}"))
                .isEqualTo("b1c1d21");
        assertThat(render("{% for x in var('items') recursive %}{{ x.n }}{{ loop(x.c) }}{{ loop.previtem is defined }}{% endfor %}"))
                .isEqualTo("abFalsecdFalseTrueFalse");
    }

    @Test
    void callingLoopFailsAsInJinja2() {
        scope.var("items", tree());
        assertThatThrownBy(() -> render("{% for x in var('items') %}{{ loop(x.c) }}{% endfor %}"))
                .hasMessageStartingWith("Error rendering Jinja template: The loop must have the 'recursive' marker to be called recursively");
        assertThatThrownBy(() -> render("{% for x in var('items') recursive %}{{ loop() }}{% endfor %}"))
                .hasMessage("Error rendering Jinja template: LoopContext.__call__() missing 1 required positional argument: 'iterable'");
        assertThatThrownBy(() -> render("{% for x in var('items') recursive %}{{ loop(x.c, 1) }}{% endfor %}"))
                .hasMessage("Error rendering Jinja template: LoopContext.__call__() takes 2 positional arguments but 3 were given");
    }

    @Test
    void recursionDeeperThanJinja2sFails() {
        String tree = "{% for x in var('tree') recursive %}{{ x.n }}{% if x.c %}[{{ loop(x.c) }}]{% endif %}{% endfor %}";
        scope.var("tree", chain(200));
        assertThat(render(tree)).startsWith("0[1[2[");
        scope.var("tree", chain(300));
        assertThatThrownBy(() -> render(tree)).hasMessage("Error rendering Jinja template: maximum recursion depth exceeded");
    }

    /** {@code depth} nodes, each the only child of the one before. */
    static List<Object> chain(int depth) {
        Map<String, Object> node = Map.of("n", (long) depth, "c", List.of());
        for (int i = depth - 1; i >= 0; i--) {
            node = Map.of("n", (long) i, "c", List.of(node));
        }
        return List.of(node);
    }
}
