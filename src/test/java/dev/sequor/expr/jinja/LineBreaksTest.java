package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Jinja2 reads {@code \r\n} and {@code \r} as {@code \n} and does not output a template's final newline; upstream
 * renders every string of a flow, so this holds for text without markup too. Expected texts are Jinja2 3.1.6's.
 */
class LineBreaksTest {

    final Templates templates = Templates.shared();
    final MapScope scope = new MapScope();

    String render(String text) {
        return templates.render(templates.compile(text, TemplatesTest.POS), scope, TemplatesTest.LIMIT);
    }

    @Test
    void templatesReadEveryLineBreakAsNewline() {
        assertThat(render("a\r\nb{{ \"x\r\ny\" }}c\rd\n")).isEqualTo("a\nbx\nyc\nd");
        assertThat(render("{{ 1 }}\r\n\r\n")).isEqualTo("1\n");
        scope.var("x", "v");
        VarTemplate plain = VarTemplate.parse("{{ var('x') }}\r\n y\r\n", TemplatesTest.POS);
        assertThat(plain.render(scope)).isEqualTo("v\n y");
    }

    @Test
    void textWithoutMarkupBecomesWhatJinja2Renders() {
        assertThat(JinjaMarkup.normalized("multi\nline\n")).isEqualTo("multi\nline");
        assertThat(JinjaMarkup.normalized("a\r\n\r\n")).isEqualTo("a\n");
        assertThat(JinjaMarkup.normalized("a\rb")).isEqualTo("a\nb");
        String plain = "no line break";
        assertThat(JinjaMarkup.normalized(plain)).isSameAs(plain);
    }
}
