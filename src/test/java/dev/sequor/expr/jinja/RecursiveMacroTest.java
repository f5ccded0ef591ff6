package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Macros that call themselves or each other render every level, as in Jinja2 (Jinjava rendered nothing for a macro
 * already being called); every expected text and error is Jinja2 3.1.6's.
 */
class RecursiveMacroTest {

    final Templates templates = Templates.shared();
    final MapScope scope = new MapScope();

    String render(String text) {
        return templates.render(templates.compile(text, TemplatesTest.POS), scope, TemplatesTest.LIMIT);
    }

    @Test
    void aMacroCallingItselfRendersEveryLevel() {
        assertThat(render("{% macro f(n) %}{{ n }}{% if n > 0 %},{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(3) }}"))
                .isEqualTo("3,2,1,0");
        scope.var("items", LoopTest.tree());
        assertThat(render("{% macro tree(ns) %}{% for n in ns %}<{{ n.n }}{{ tree(n.c) }}>{% endfor %}{% endmacro %}{{ tree(var('items')) }}"))
                .isEqualTo("<a<b><c<d>>>");
        assertThat(render("{% macro even(n) %}{% if n == 0 %}even{% else %}{{ odd(n - 1) }}{% endif %}{% endmacro %}"
                + "{% macro odd(n) %}{% if n == 0 %}odd{% else %}{{ even(n - 1) }}{% endif %}{% endmacro %}{{ even(7) }}"))
                .isEqualTo("odd");
    }

    @Test
    void recursionDeeperThanJinja2sFails() {
        String f = "{% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{% else %}bottom{% endif %}{% endmacro %}";
        assertThat(render(f + "{{ f(200) }}")).isEqualTo("bottom");
        assertThatThrownBy(() -> render(f + "{{ f(250) }}"))
                .hasMessageContaining("maximum recursion depth exceeded");
        // the next render of the same interpreter starts from the top again
        assertThat(render(f + "{{ f(200) }}")).isEqualTo("bottom");
    }
}
