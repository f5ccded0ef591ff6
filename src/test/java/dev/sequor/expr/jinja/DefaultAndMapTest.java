package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Jinja2's {@code default} (only for an undefined value, its value as given, {@code boolean=}), {@code is defined},
 * and {@code map} applying a filter with its arguments as given; every expected text and error is Jinja2 3.1.6's.
 */
class DefaultAndMapTest {

    final Templates templates = Templates.shared();
    final MapScope scope = new MapScope();

    String render(String text) {
        return templates.render(templates.compile(text, TemplatesTest.POS), scope, TemplatesTest.LIMIT);
    }

    @Test
    void theDefaultKeepsItsType() {
        // Jinjava made the default text: 5 + 1 failed, [1] was "[1]"
        assertThat(render("{{ undefined_x|default(5) + 1 }}|{{ undefined_x|d([1]) }}|{{ (none|default(5, true)) + 1 }}")).isEqualTo("6|[1]|6");
        assertThat(render("{{ 0|default(1, true) }}|{{ none|default(boolean=true) }}|{{ [0]|map('d', boolean=true, default_value='x')|list }}"))
                .isEqualTo("1||['x']");
        // Python's truth: the text 'false' is true
        assertThat(render("{{ [none, 0, '', 'a', [], 'false']|map('default', 5, true)|list }}")).isEqualTo("[5, 5, 5, 'a', 5, 'false']");
        assertThatThrownBy(() -> render("{{ none|default(1, 2, 3) }}"))
                .hasMessage("Error rendering Jinja template: do_default() takes from 1 to 3 positional arguments but 4 were given");
    }

    @Test
    void mapHandsTheFilterItsArgumentsAsGiven() {
        assertThat(render("{{ [[3,1],[2]]|map('sort', reverse=true)|list }}|{{ ['a', 'b']|map('replace', 'a', 'x')|list }}|{{ [1.26]|map('round', precision=1)|list }}|{{ ['ab']|map('center', width=6)|list }}"))
                .isEqualTo("[[3, 1], [2]]|['x', 'b']|[1.3]|['  ab  ']");
        assertThat(render("{{ [1.5, 2.4]|map('round', 0, 'floor')|list }}|{{ ['5', 'x']|map('int', 7)|list }}|{{ [[1,2],[3]]|map('join', 0)|list }}"))
                .isEqualTo("[1.0, 2.0]|[5, 7]|['102', '3']");
    }

    @Test
    void defaultReplacesAnUndefinedValueButNotNone() {
        assertThat(render("{% set x = none %}{{ x is defined }}|{{ x|default(1) }}|{{ none is defined }}|{{ none|default(2) }}|{{ None|default(3) }}"))
                .isEqualTo("True|None|True|None|None");
        assertThat(render("{{ {'a': none}.a|default(1) }}|{{ {'a': none}.b|default(1) }}|{{ {'a': none}['a']|default(1) }}|{{ {'a': none}.a is defined }}"))
                .isEqualTo("None|1|None|True");
        assertThat(render("{% for x in [none] %}{{ x|default(1) }}{% endfor %}|{% set ns = namespace(a=none) %}{{ ns.a|default(1) }}|{{ ns.b|default(2) }}"))
                .isEqualTo("None|None|2");
        assertThat(render("{{ zz is defined }}|{{ zz is undefined }}|{{ zz|default('d') }}|{{ zz is not defined }}|{{ {'a':1}.b is undefined }}|{{ {'a':1}.a is undefined }}"))
                .isEqualTo("False|True|d|True|True|False");
        assertThat(render("{{ [none, 1]|map('default', 5)|list }}")).isEqualTo("[None, 1]");
    }

    @Test
    void anEmptySequencesFirstLastMinMaxAreUndefined() {
        assertThat(render("{{ []|max|default(0) }}|{{ []|min|default(0) }}|{{ []|first|default(1) }}|{{ ''|last|default(2) }}"))
                .isEqualTo("0|0|1|2");
        assertThat(render("{% set f = []|first %}{{ f|default(1) }}|{{ f is defined }}")).isEqualTo("1|False");
        assertThat(render("{{ [[]|first] }}")).isEqualTo("[Undefined]");
        assertThatThrownBy(() -> render("{{ []|first }}"))
                .hasMessage("Error rendering Jinja template: No first item, sequence was empty");
        assertThatThrownBy(() -> templates.evaluate(templates.compile("{{ []|last }}", TemplatesTest.POS), scope, TemplatesTest.LIMIT))
                .hasMessage("Error rendering Jinja template: No last item, sequence was empty");
    }

    @Test
    void aMacroArgumentTheCallLeavesOutIsUndefined() {
        assertThat(render("{% macro greet(name) %}{{ name|default('you') }}|{{ name is defined }}{% endmacro %}{{ greet() }}|{{ greet(none) }}|{{ greet('ann') }}"))
                .isEqualTo("you|False|None|True|ann|True");
        assertThat(render("{% macro m(a, b=none, c=[1, 2]) %}{{ a|default('A') }}{{ b|default('B') }}{{ c }}{% endmacro %}{{ m() }}|{{ m(1, 2, 3) }}|{{ m(c=5) }}"))
                .isEqualTo("ANone[1, 2]|123|ANone5");
        assertThatThrownBy(() -> render("{% macro m(a) %}{{ a }}{% endmacro %}{{ m() }}"))
                .hasMessage("Error rendering Jinja template: parameter 'a' was not provided");
        assertThatThrownBy(() -> render("{% macro m(a) %}{{ 'x' ~ a }}{% endmacro %}{{ m() }}"))
                .hasMessageContaining("parameter 'a' was not provided");
    }
}
