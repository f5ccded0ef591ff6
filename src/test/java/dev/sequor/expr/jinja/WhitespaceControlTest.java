package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Jinja2's whitespace control on expressions and comments (<code>{{-</code>, <code>-}}</code>, <code>{#-</code>,
 * <code>-#}</code>), as on tags; every expected text is Jinja2 3.1.6's.
 */
class WhitespaceControlTest {

    final Templates templates = Templates.shared();
    final MapScope scope = new MapScope();

    String render(String text) {
        return templates.render(templates.compile(text, TemplatesTest.POS), scope, TemplatesTest.LIMIT);
    }

    @Test
    void expressionsStripWhitespaceOnTheMarkedSide() {
        assertThat(render("id IN (\n  {{- [3,1,2] | join(\",\") -}}\n)")).isEqualTo("id IN (3,1,2)");
        assertThat(render("a {{- \"x\" -}} b")).isEqualTo("axb");
        assertThat(render("a\n  {{- 1 }}\n  {{ 2 -}}\n  b")).isEqualTo("a1\n  2b");
        assertThat(render("a {{- \"x\" }} b {{ \"y\" -}} c")).isEqualTo("ax b yc");
        assertThat(render("a{{ -1 }}b {{- -1 -}} c {{ '-}}' -}} d")).isEqualTo("a-1b-1c -}}d");
        assertThat(render("{% for i in [1,2] %} {{- i -}} {% endfor %}")).isEqualTo("12");
    }

    @Test
    void commentsStripWhitespaceOnTheMarkedSide() {
        assertThat(render("a {#- c -#} b")).isEqualTo("ab");
        assertThat(render("x\n\n {#- comment #}\n y")).isEqualTo("x\n y");
        assertThat(render("x {# c -#}\n\n y")).isEqualTo("x y");
        assertThat(render("a\n {#- multi\nline\n-#}\n b")).isEqualTo("ab");
        assertThat(render("a {#-#} b {# kept #} c")).isEqualTo("a b  c");
    }

    @Test
    void commentMarkersInStringsAndRawBlocksAreText() {
        assertThat(render("a {{ '{#-' }} b {#- x #} c")).isEqualTo("a {#- b c");
        assertThat(render("a {% raw %} {{- x -}} {#- x #} {% endraw %} b {#- y -#} c")).isEqualTo("a  {{- x -}} {#- x #}  bc");
        assertThat(render("a {% set s = \"{#-\" %} {{ s }} {#- z -#}  e")).isEqualTo("a  {#-e");
    }

    @Test
    void errorsAfterATrimmedCommentKeepTheirLine() {
        scope.var("x", "v");
        assertThat(render("a\n {#- one\ntwo\n-#}\n {{ var('x') }}")).isEqualTo("av");
        try {
            render("a\n {#- one\ntwo\n-#}\n {{ nope }}");
        } catch (dev.sequor.error.SequorException e) {
            assertThat(e.pos().line()).isEqualTo(TemplatesTest.POS.line() + 4);
            return;
        }
        throw new AssertionError("expected an error for an undefined name");
    }
}
