package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Jinja2's {@code for ... else}, loops over strings and {@code x if cond} without else; every expected text is Jinja2 3.1.6's. */
class ControlFlowTest {

    final Templates templates = Templates.shared();
    final MapScope scope = new MapScope();

    String render(String text) {
        return templates.render(templates.compile(text, TemplatesTest.POS), scope, TemplatesTest.LIMIT);
    }

    @Test
    void forElseRendersOnlyForAnEmptyLoop() {
        assertThat(render("{% for i in [3,1,2] %}{{ i }}{% else %}none{% endfor %}")).isEqualTo("312");
        assertThat(render("{% for i in [] %}x{% else %}empty{% endfor %}")).isEqualTo("empty");
        assertThat(render("{% for k, v in {} %}{{ k }}{% else %}no items{% endfor %}")).isEqualTo("no items");
        assertThat(render("{% for i in [1] %}{% if false %}a{% else %}b{% endif %}{% else %}e{% endfor %}")).isEqualTo("b");
        assertThat(render("{% for i in [] %}{% if false %}a{% else %}b{% endif %}{% else %}e{{ 1 }}{% for j in [] %}{% else %}in{% endfor %}{% endfor %}")).isEqualTo("e1in");
        assertThat(render("{% for i in [1, 2] -%}\n {{ i }}\n{%- else -%}\n e \n{%- endfor %}")).isEqualTo("12");
        assertThat(render("{% for i in [] -%}\n {{ i }}\n{%- else -%}\n e \n{%- endfor %}")).isEqualTo("e");
    }

    @Test
    void aLoopOverAStringGoesThroughItsCharacters() {
        assertThat(render("{% for c in 'ab😀' %}[{{ c }}]{% endfor %}")).isEqualTo("[a][b][😀]");
        assertThat(render("{% for c in 'ab' %}[{{ c }}{{ loop.index }}]{% else %}none{% endfor %}")).isEqualTo("[a1][b2]");
        assertThat(render("{% for c in '' %}{{ c }}{% else %}blank{% endfor %}")).isEqualTo("blank");
    }

    @Test
    void inlineIfWithoutElsePrintsNothing() {
        assertThat(render("{% for i in [1,2,3] %}{{ i }}{{ \",\" if not loop.last }}{% endfor %}")).isEqualTo("1,2,3");
        assertThat(render("[{{ 'x' if false }}] [{{ 'x' if true }}] [{{ 1 if false else none }}] [{{ ('a' if false) ~ 'b' }}]")).isEqualTo("[] [x] [None] [b]");
        assertThat(render("{{ 'yes' if (1 if false) else 'no' }}")).isEqualTo("no");
    }
}
