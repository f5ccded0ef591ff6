package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Jinja2's {@code default} (its value as given, {@code boolean=}) and {@code map} applying a filter with its
 * arguments as given; every expected text and error is Jinja2 3.1.6's.
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
}
