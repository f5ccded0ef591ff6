package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.db.Row;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
            "{{ var('my-var.x') }}",
            "C:\\dir\\{{ var('a') }}\\n 'quoted' \"double\" `tick`",
            "$HOME ${x} %s {0} @{{ var('a') }}!");

    static final List<Object> VALUES = List.of("text", "", "{{ var('b') }}", "{% if x %}y{% endif %}", "{# c #}",
            "multi\nline\r\nvalue", "quote ' and \" and \\ backslash", "é 漢字 🎉", 0L, -5L, Long.MAX_VALUE, 7,
            new BigInteger("123456789012345678901234567890"), true, false, 1.5, 1e20, -0.0, 0.1, 1e-7, 123456789.0,
            Double.NaN, Double.NEGATIVE_INFINITY, 2.5f, new BigDecimal("2.50"), new BigDecimal("1E+3"),
            new BigDecimal("-0.000001"), new BigDecimal("1E-10"));

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

    /** Keys of maps and rows, including names that are also Python or Java methods. */
    static final List<String> KEYED_TEMPLATES = List.of(
            "{{ var('m').id }}",
            "{{ var('m')['id'] }}|{{ var('m')[\"first name\"] }}|{{ var('m')[ 'id' ] }}",
            "id={{ var('m').nested.id }}&n={{ var('m')['nested']['n'] }}",
            "{{ var('m').items }}{{ var('m').get }}{{ var('m').keys }}{{ var('m').values }}{{ var('m').class }}",
            "{{ var('m').size }}{{ var('m')['empty'] }}{{ var('m').to_dict }}{{ var('m').iff }}{{ var('m').nota }}",
            "{\"email\": \"{{ var('row').email }}\", \"score\": {{ var('row').score }} }",
            "{{ var('row')['id'] }}-{{ var('row').items }}");

    @Test
    void readsKeysOfMapsAndRowsAsJinjavaDoes() {
        LinkedHashMap<String, Object> row = new LinkedHashMap<>();
        row.put("id", 7L);
        row.put("email", "a@b.c");
        row.put("score", "{{ 1 }}");
        row.put("items", true);
        int compared = 0;
        for (Object value : VALUES) {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>();
            for (String k : List.of("id", "first name", "items", "get", "keys", "values", "class", "size", "empty",
                    "to_dict", "iff", "nota")) {
                m.put(k, value);
            }
            m.put("nested", new LinkedHashMap<>(Map.of("id", value, "n", 3L)));
            MapScope scope = new MapScope().var("m", m).var("row", new Row(row));
            for (String text : KEYED_TEMPLATES) {
                VarTemplate plain = VarTemplate.parse(text, POS);
                assertThat(plain).as("parsed: %s", text).isNotNull();
                assertThat(plain.render(scope)).as("%s with values %s", text, value)
                        .isEqualTo(jinjava.render(jinjava.compile(text, POS), scope, null));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(KEYED_TEMPLATES.size() * VALUES.size());
    }

    @Test
    void leavesMissingKeysAndOtherValuesToJinjava() {
        MapScope scope = new MapScope().var("m", Map.of("a", 1L, "nil", "x")).var("s", "text").var("l", List.of(1L))
                .var("row", new Row(new LinkedHashMap<>(Map.of("a", 1L))));
        for (String text : List.of("{{ var('m').b }}", "{{ var('m')['b'] }}", "{{ var('s').a }}", "{{ var('l').a }}",
                "{{ var('m').a.b }}", "{{ var('row').b }}", "{{ var('row').get }}")) {
            assertThat(VarTemplate.parse(text, POS).render(scope)).as(text).isNull();
        }
    }

    @Test
    void leavesOtherValuesToJinjava() {
        VarTemplate plain = VarTemplate.parse("x {{ var('a') }}", POS);
        for (Object value : List.of(List.of("a", 1L), Map.of("k", "v"), LocalDate.of(2026, 12, 3),
                OffsetDateTime.of(2026, 12, 3, 10, 0, 0, 0, ZoneOffset.UTC), new Object())) {
            assertThat(plain.render(scope(value))).as("value %s", value).isNull();
        }
    }

    @Test
    void acceptsOnlyTextAndVarCalls() {
        List<String> others = List.of("no template", "{{ var('a') | upper }}", "{{- var('a') }}", "{{ var('a') -}}",
                "{{ var('a', 'x') }}", "{{ var(a) }}", "{{ var('a\\'b') }}", "{{ var('') }}", "{{ var('a\") }}",
                "{{ var('a') .b }}", "{{ var('a')[0] }}", "{{ var('a')[b] }}", "{{ var('a').b() }}", "{{ var('a').1 }}",
                "{{ var('a')['b'].get('c') }}", "{{ env('A') }}", "{{ x }}", "{% if 1 %}{{ var('a') }}{% endif %}",
                "{# note #}{{ var('a') }}", "{{{ var('a') }}", "{{ var('a') }}}", "{{ var('a') }} }}", "a %} {{ var('a') }}",
                "a #} {{ var('a') }}", "{{ var('a') }", "{{ var('a') ", "{{ var\n('a') }}", "{{ var('{a}') }}",
                "{% raw %}{{ var('a') }}{% endraw %}");
        for (String text : others) {
            assertThat(VarTemplate.parse(text, POS)).as("parsed: %s", text).isNull();
        }
        // operator and literal words of Jinjava's expression language after a dot: a syntax error there
        for (String word : List.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true", "false", "null",
                "instanceof", "empty", "div", "mod", "is", "in", "if", "else", "True", "False", "None", "none")) {
            assertThat(VarTemplate.parse("{{ var('m')." + word + " }}", POS)).as(word).isNull();
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
