package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link VarTemplate} renders exactly what Jinjava renders ({@link Templates}), fails with the same sentence at the
 * same position, and accepts nothing it cannot render exactly.
 */
class VarTemplateTest {

    static final SourcePos POS = new SourcePos("flows/f.yaml", 10, 7);
    final Templates jinjava = Templates.shared();

    static final List<String> TEMPLATES = List.of(
            "{{ var('a') }}",
            "{{var('a')}}",
            "{{\tvar( \"a\" )\t}}",
            "x{{ var('a') }}y{{ var('b') }}z",
            "https://api.example.com/v3/{{ var('a') }}/items?page=1&x=%20",
            "{\"key\": \"{{ var('a') }}\", \"n\": {{ var('b') }} }",
            "{ {{ var('a') }} }",
            "line one\n{{ var('a') }}\nline three",
            "{{ var('a') }}\n",
            "{{ var('a') }}\r\n",
            "{{ var('a') }}\n\n",
            "a\r\nb\r{{ var('a') }}\r\n c",
            "  {{ var('a') }}  ",
            "100% {{ var('a') }} # not a comment } {",
            "unicode é 漢字 🎉 {{ var('a') }} ∑",
            "Bearer {{ var('a') }}",
            "{{ var('a') }}{{ var('a') }}{{ var('b') }}",
            "{{ var('my-var.x') }}");

    static final List<Object> VALUES = List.of("text", "", "{{ var('b') }}", "{% if x %}y{% endif %}", "{# c #}",
            "multi\nline\r\nvalue", "quote ' and \" and \\ backslash", "é 漢字 🎉", 0L, -5L, Long.MAX_VALUE, 7,
            new BigInteger("123456789012345678901234567890"), true, false);

    private MapScope scope(Object value) {
        return new MapScope().var("a", value).var("b", "B").var("my-var.x", value);
    }

    @Test
    void rendersWhatJinjavaRenders() {
        int compared = 0;
        for (String text : TEMPLATES) {
            VarTemplate plain = VarTemplate.parse(text, POS);
            assertThat(plain).as("parsed: %s", text).isNotNull();
            CompiledTemplate compiled = jinjava.compile(text, POS);
            for (Object value : VALUES) {
                MapScope scope = scope(value);
                assertThat(plain.render(scope)).as("%s with a = %s", text, value)
                        .isEqualTo(jinjava.render(compiled, scope, null));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(TEMPLATES.size() * VALUES.size());
    }

    @Test
    void leavesOtherValuesToJinjava() {
        VarTemplate plain = VarTemplate.parse("x {{ var('a') }}", POS);
        for (Object value : List.of(1.5, new BigDecimal("2.50"), List.of("a", 1L), Map.of("k", "v"))) {
            assertThat(plain.render(scope(value))).as("value %s", value).isNull();
        }
    }

    @Test
    void acceptsOnlyTextAndVarCalls() {
        List<String> others = List.of("no template", "{{ var('a') | upper }}", "{{- var('a') }}", "{{ var('a') -}}",
                "{{ var('a', 'x') }}", "{{ var(a) }}", "{{ var('a\\'b') }}", "{{ var('') }}", "{{ var('a\") }}",
                "{{ var('a').b }}", "{{ var('a')['b'] }}", "{{ env('A') }}", "{{ x }}", "{% if 1 %}{{ var('a') }}{% endif %}",
                "{# note #}{{ var('a') }}", "{{{ var('a') }}", "{{ var('a') }}}", "{{ var('a') }} }}", "a %} {{ var('a') }}",
                "a #} {{ var('a') }}", "{{ var('a') }", "{{ var('a') ", "{{ var\n('a') }}", "{{ var('{a}') }}",
                "{% raw %}{{ var('a') }}{% endraw %}");
        for (String text : others) {
            assertThat(VarTemplate.parse(text, POS)).as("parsed: %s", text).isNull();
        }
    }

    @Test
    void anUndefinedVariableFailsAsThroughJinjava() {
        for (String text : List.of("{{ var('missing') }}", "a {{ var('a') }}\nb\r\nc {{ var('missing') }} d",
                "{{ var('a') }}\n\n{{ var('missing') }}")) {
            MapScope scope = scope("A");
            SequorException viaJinjava = renderError(() -> jinjava.render(jinjava.compile(text, POS), scope, null));
            SequorException plain = renderError(() -> VarTemplate.parse(text, POS).render(scope));
            assertThat(plain.getMessage()).as(text).isEqualTo(viaJinjava.getMessage())
                    .isEqualTo("Error rendering Jinja template: Variable 'missing' is not defined");
            assertThat(plain.pos()).as(text).isEqualTo(viaJinjava.pos());
            assertThat(plain.kind()).isEqualTo(viaJinjava.kind());
        }
        assertThatThrownBy(() -> VarTemplate.parse("x\n{{ var('missing') }}", POS).render(new MapScope()))
                .isInstanceOfSatisfying(SequorException.class, e -> assertThat(e.pos()).isEqualTo(POS.plusLines(1)));
    }

    private static SequorException renderError(Runnable render) {
        List<SequorException> caught = new ArrayList<>();
        try {
            render.run();
        } catch (SequorException e) {
            caught.add(e);
        }
        assertThat(caught).as("a render error").hasSize(1);
        return caught.getFirst();
    }
}
