package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Values printed inside text, by {@code ~}, {@code join} and {@code format}, as Python's {@code str()} prints them,
 * as {@code {{ value }}} already does; every expected text is Jinja2 3.1.6's.
 */
class PythonPrintingTest {

    final Templates templates = Templates.shared();
    final MapScope scope = new MapScope();

    String render(String text) {
        return templates.render(templates.compile(text, TemplatesTest.POS), scope, TemplatesTest.LIMIT);
    }

    @Test
    void concatenationPrintsPythonStr() {
        assertThat(render("{{ 'active=' ~ true }} {{ 'x' ~ {'b': 2, 'a': 1} }} {{ 'x' ~ none }} {{ 1 ~ 2.0 }} {{ [1, 'a'] ~ '' }}")).isEqualTo("active=True x{'b': 2, 'a': 1} xNone 12.0 [1, 'a']");
        scope.var("l", Arrays.asList("a", null, true));
        assertThat(render("{{ 'l=' ~ var('l') }}")).isEqualTo("l=['a', None, True]");
    }

    @Test
    void joinPrintsEachItemAsPythonStr() {
        assertThat(render("{{ [1, none, 'a']|join('-') }} {{ [true, 1.0]|join(',') }} {{ 'abc'|join('.') }} {{ {'k': 1, 'j': 2}|join }}")).isEqualTo("1-None-a True,1.0 a.b.c kj");
        assertThat(render("{{ [{'a': 'x'}, {'a': none}]|join(', ', attribute='a') }}")).isEqualTo("x, None");
    }

    @Test
    void formatPrintsArgumentsAsPythonStr() {
        assertThat(render("{{ '%s'|format(none) }} {{ '%s|%s'|format(true, [1, 'a']) }} {{ '%s'|format({'k': false}) }} {{ '%d-%05.2f'|format(3, 2.5) }}")).isEqualTo("None True|[1, 'a'] {'k': False} 3-02.50");
    }

    @Test
    void formatIsPythonsPercent() {
        // Jinjava gave numbers to Java's printf: '%s'|format(1e20) was 1.0E20 and %r an error
        assertThat(render("{{ '%s'|format(1e20) }}|{{ '%r'|format('a') }}|{{ '%(a)s-%(b)s'|format(a=1, b=none) }}|{{ '%s'|format((1, 2)) }}|{{ none|format }}"))
                .isEqualTo("1e+20|'a'|1-None|(1, 2)|None");
        assertThat(render("{% for k, v in {'a': 1} | dictsort %}{{ '%s'|format((k, v)) }}{{ '{}'.format((k, v)) }}{% endfor %}")).isEqualTo("('a', 1)('a', 1)");
        assertThatThrownBy(() -> render("{{ '%s %s'|format(1) }}"))
                .hasMessage("Error rendering Jinja template: not enough arguments for format string");
        assertThatThrownBy(() -> render("{{ '%s'|format(1, a=2) }}"))
                .hasMessage("Error rendering Jinja template: can't handle positional and keyword arguments at the same time");
    }
}
