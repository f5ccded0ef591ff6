package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Jinja2's {@code for ... else}, loops over strings, {@code x if cond} without else, {@code namespace()}, {@code with} and the
 * {@code filter} block; every
 * expected text and error is Jinja2 3.1.6's.
 */
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

    @Test
    void aNamespaceCarriesStateOutOfALoop() {
        assertThat(render("{% set ns = namespace(found=false, n=0) %}{% for x in [1,2] %}{% set ns.n = ns.n + x %}{% endfor %}{{ ns.n }}")).isEqualTo("3");
        assertThat(render("{% set ns = namespace(found=false) %}{% for x in [1,2] %}{% if x == 2 %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.found }}")).isEqualTo("True");
        // Jinja2 prints the attributes in the order given; Jinjava's namespace dropped None and had no order
        assertThat(render("{% set ns = namespace(found=false, n=0) %}{{ ns }}")).isEqualTo("<Namespace {'found': False, 'n': 0}>");
        assertThat(render("{% set ns = namespace(x=none) %}{{ ns.x }}")).isEqualTo("None");
        // a dict given to namespace() is copied, not written through
        assertThat(render("{% set d = {'a': 1} %}{% set ns = namespace(d, b=2) %}{% set ns.a = 5 %}{{ ns.a }}{{ ns.b }}{{ d.a }}")).isEqualTo("521");
        assertThat(render("{% set ns = namespace([['k', 1]]) %}{{ ns.k }}")).isEqualTo("1");
    }

    @Test
    void settingAnAttributeOfANonNamespaceFails() {
        // Jinja2: TemplateRuntimeError; Jinjava set a variable named 'd.a' and printed 1
        assertThatThrownBy(() -> render("{% set d = {'a': 1} %}{% set d.a = 5 %}{{ d.a }}"))
                .hasMessage("Error rendering Jinja template: cannot assign attribute on non-namespace object");
        // Jinja2 (StrictUndefined, as upstream): 'jinja2.utils.Namespace object' has no attribute 'zz'
        assertThatThrownBy(() -> render("{% set ns = namespace(n=0) %}{{ ns.zz }}"))
                .hasMessage("Error rendering Jinja template: 'jinja2.utils.Namespace object' has no attribute 'zz'");
    }

    @Test
    void withScopesItsNames() {
        assertThat(render("{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}")).isEqualTo("3");
        // the values are computed outside: b is the outer a
        assertThat(render("{% set a = 5 %}{% with a = 1, b = a %}{{ a }}{{ b }}{% endwith %}{{ a }}")).isEqualTo("155");
        assertThat(render("{% with %}{% set q = 1 %}{{ q }}{% endwith %}{{ q is defined }}")).isEqualTo("1False");
        assertThat(render("{% with a = [1,2], b = {\"x\": [1, 2]}, c = 'a,b=c', d = 1 == 1 %}{{ a }}{{ b }}{{ c }}{{ d }}{% endwith %}{{ a is defined }}"))
                .isEqualTo("[1, 2]{'x': [1, 2]}a,b=cTrueFalse");
        assertThat(render("{% with a = 1 %}{% with b = a + 1 %}{{ a }}{{ b }}{% endwith %}{{ b is defined }}{% endwith %}")).isEqualTo("12False");
        // Jinja2: TemplateSyntaxError (expected token '=', got '.')
        assertThatThrownBy(() -> render("{% with a.b = 1 %}{% endwith %}")).hasMessageContaining("Invalid Jinja template");
    }

    @Test
    void filterBlockFiltersItsText() {
        assertThat(render("{% filter upper %}abc{% endfilter %}")).isEqualTo("ABC");
        assertThat(render("{% filter replace('a','b') %}aaa{% endfilter %}")).isEqualTo("bbb");
        assertThat(render("{% filter replace(\"a\",\"b\") | upper %}aXa{% endfilter %}")).isEqualTo("BXB");
        assertThat(render("{% filter upper %}{% set z = 1 %}{{ z }}a{% endfilter %}{{ z is defined }}")).isEqualTo("1AFalse");
        assertThat(render("{% filter indent(2, true) %}a\nb{% endfilter %}")).isEqualTo("  a\n  b");
        assertThat(render("{% for i in [1,2] %}{% filter upper %}a{{ i }}{% endfilter %}{% endfor %}")).isEqualTo("A1A2");
        assertThat(render("{% filter title %}{% filter lower %}HELLO WORLD{% endfilter %}{% endfilter %}")).isEqualTo("Hello World");
        // Jinja2: TemplateAssertionError when compiling
        assertThatThrownBy(() -> templates.compile("{% filter upper | nosuch %}x{% endfilter %}", TemplatesTest.POS))
                .hasMessage("Invalid Jinja template: No filter named 'nosuch'");
        // Jinja2: TypeError (sequence item 0: expected str instance, int found)
        assertThatThrownBy(() -> render("{% filter length %}abc{% endfilter %}"))
                .hasMessageStartingWith("Error rendering Jinja template: the filters of {% filter length %} gave a value of type 'int'");
    }

    @Test
    void aMissingAttributeIsUndefinedToDefinedAndDefault() {
        // Jinjava evaluated d.zz first and failed: 'dict object' has no attribute 'zz'
        assertThat(render("{% set d = {'a': 1} %}{{ d.zz is defined }}|{{ d['zz'] is defined }}|{{ d.zz is undefined }}|{{ d.zz is not defined }}|{{ d.a is defined }}"))
                .isEqualTo("False|False|True|True|True");
        assertThat(render("{% set d = {'a': 1} %}{{ d.zz | default(5) }}|{{ d.a | default(5) }}|{{ d.zz | d(7) }}|{{ d.zz | default(5) | string }}"))
                .isEqualTo("5|1|7|5");
        assertThat(render("{% set ns = namespace(n=1) %}{{ ns.zz is defined }}{{ ns.n is defined }}|{% set l = [1] %}{{ l[5] is defined }}|{% set d = {'a': {'b': 2}} %}{{ d.a.b is defined }}{{ d.a.zz is defined }}"))
                .isEqualTo("FalseTrue|False|TrueFalse");
        assertThat(render("{% set d = {'a': 1} %}{% if d.zz is defined %}y{% else %}n{% endif %}")).isEqualTo("n");
        // only the last lookup may be missing, as in Jinja2
        assertThatThrownBy(() -> render("{% set d = {'a': {}} %}{{ d.a.b.c is defined }}"))
                .hasMessage("Error rendering Jinja template: 'dict object' has no attribute 'b'");
        assertThatThrownBy(() -> render("{% set d = {'a': 1} %}{{ d.zz }}"))
                .hasMessage("Error rendering Jinja template: 'dict object' has no attribute 'zz'");
    }

    @Test
    void setUnpacksASequence() {
        // Jinjava: "Tag 'set' declares an uneven number of variables and assigned values"
        assertThat(render("{% set a, b = (1, 2) %}{{ a }}{{ b }}|{% set a, b = [3, 4] %}{{ a }}{{ b }}|{% set a, b = 1, 2 %}{{ a }}{{ b }}|{% set a, b = 'xy' %}{{ a }}{{ b }}"))
                .isEqualTo("12|34|12|xy");
        assertThatThrownBy(() -> render("{% set a, b = [1, 2, 3] %}"))
                .hasMessage("Error rendering Jinja template: too many values to unpack (expected 2)");
        assertThatThrownBy(() -> render("{% set a, b, c = [1, 2] %}"))
                .hasMessage("Error rendering Jinja template: not enough values to unpack (expected 3, got 2)");
    }

    @Test
    void aLoopFilterKeepsTheItemsThatPass() {
        // Jinjava read "[1,2,3] if i > 1" as one expression: 'i' is undefined
        assertThat(render("{% for i in [1,2,3] if i > 1 %}{{ loop.index }}{{ i }}{% else %}none{% endfor %}|{% for i in [1] if i > 1 %}x{% else %}none{% endfor %}"))
                .isEqualTo("1223|none");
        assertThat(render("{% for i in [1,2,3] if i > 1 %}{{ i }}{{ ',' if not loop.last }}{% endfor %}|{% for k, v in {'a': 1, 'b': 2}.items() if v > 1 %}{{ k }}{% endfor %}|{% for c in 'abc' if c != 'b' %}{{ c }}{% endfor %}"))
                .isEqualTo("2,3|b|ac");
        assertThat(render("{% for s in ['if', 'x'] if s == 'if' %}{{ s }}{% endfor %}|{% for a, b in [(1, 2), (3, 4)] if a > 1 %}{{ b }}{% endfor %}|{% for i in [1,2,3] if i > 1 %}{{ loop.length }}{% endfor %}"))
                .isEqualTo("if|4|22");
    }
}
