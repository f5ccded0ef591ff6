package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Jinja2's item filters ({@code first}, {@code last}, {@code list}, {@code length}, {@code unique}, {@code slice},
 * {@code dictsort}) and text filters ({@code title}, {@code trim}, {@code replace}); every expected text is Jinja2
 * 3.1.6's.
 */
class ItemAndTextFiltersTest {

    final Templates templates = Templates.shared();
    final MapScope scope = new MapScope();

    String render(String text) {
        return templates.render(templates.compile(text, TemplatesTest.POS), scope, TemplatesTest.LIMIT);
    }

    @Test
    void itemFiltersIterateAsPythonDoes() {
        assertThat(render("{{ 'Hello'|first }} {{ 'Hello'|last }} {{ 'Hello'|list }} {{ '😀'|length }} {{ 'ab😀'|count }}")).isEqualTo("H o ['H', 'e', 'l', 'l', 'o'] 1 3");
        assertThat(render("{{ {'a': 1, 'b': 2}|first }} {{ {'a': 1, 'b': 2}|list }} {{ {'a': 1}|length }} {{ ['b', 'a']|first }} {{ [1, 2]|last }} {{ [1, 2]|length }}")).isEqualTo("a ['a', 'b'] 1 b 2 2");
        assertThat(render("{{ ['a', 'A', 'b']|unique|list }} {{ ['a', 'A', 'b']|unique(case_sensitive=true)|list }} {{ [{'k': 'a'}, {'k': 'A'}]|unique(attribute='k')|list }}")).isEqualTo("['a', 'b'] ['a', 'A', 'b'] [{'k': 'a'}]");
        assertThat(render("{{ [1, 2, 3, 4, 5, 6, 7]|slice(3)|list }} {{ [1, 2, 3, 4]|slice(3, 0)|list }}")).isEqualTo("[[1, 2, 3], [4, 5], [6, 7]] [[1, 2], [3, 0], [4, 0]]");
        assertThat(render("{{ {'b': 1, 'a': 2}|dictsort(reverse=true) }} {{ {'b': 1, 'A': 2}|dictsort }} {{ {'b': 1, 'a': 2}|dictsort(by='value') }}")).isEqualTo("[('b', 1), ('a', 2)] [('A', 2), ('b', 1)] [('b', 1), ('a', 2)]");
        assertThat(render("{% for k, v in {'b': 1, 'a': 2}|dictsort %}{{ k }}={{ v }};{% endfor %}")).isEqualTo("a=2;b=1;");
        // an empty sequence: Jinja2's undefined (PythonUndefined), which |default replaces
        assertThat(render("{{ []|first|default('d') }} {{ ''|last|default('e') }}")).isEqualTo("d e");
    }

    @Test
    void textFiltersAreJinja2s() {
        assertThat(render("{{ 'hello-world foo_bar'|title }} {{ \"it's o'neil\"|title }} {{ 'hELLO wORLD'|title }} {{ '(a) [b] <c> {d}'|title }}")).isEqualTo("Hello-World Foo_bar It's O'neil Hello World (A) [B] <C> {D}");
        assertThat(render("[{{ 'xxhixx'|trim('x') }}] [{{ '  hi  '|trim }}] [{{ '\u00a0hi\t'|trim }}]")).isEqualTo("[hi] [hi] [hi]");
        assertThat(render("{{ 'abc'|replace('', '-') }} {{ 'aaa'|replace('a', 'b', 2) }} {{ 'ab'|replace('', '-', 2) }} {{ 'x'|replace('x', 'y', 0) }}")).isEqualTo("-a-b-c- bba -a-b x");
    }

    @Test
    void attrIsAnAttributeNotAnItem() {
        // Jinjava gave the key's value; Jinja2 (StrictUndefined, as upstream) fails
        assertThatThrownBy(() -> render("{% set d = {'k': 1} %}{{ d | attr('k') }}"))
                .hasMessage("Error rendering Jinja template: 'dict object' has no attribute 'k'");
        assertThat(render("{% set ns = namespace(k=2) %}{{ ns | attr('k') }}")).isEqualTo("2");
        assertThatThrownBy(() -> render("{{ 'abc' | attr('zz') }}"))
                .hasMessage("Error rendering Jinja template: 'str object' has no attribute 'zz'");
    }

    @Test
    void uniqueComparesNumbersByValue() {
        // Jinjava kept 1, 1.0 and True as three values (Java's equality)
        assertThat(render("{{ [1, 1.0, true] | unique | list }}|{{ [1.0, 1, 2, 2.5, 2.50] | unique | list }}|{{ [0, false, 0.0, -0.0] | unique | list }}"))
                .isEqualTo("[1]|[1.0, 2, 2.5]|[0]");
        assertThat(render("{{ [(1, 2), (1.0, 2)] | unique | list }}|{{ [{'n': 1}, {'n': 1.0}] | unique(attribute='n') | list }}"))
                .isEqualTo("[(1, 2)]|[{'n': 1}]");
    }

    @Test
    void stringsIndexAndHavePythonsMethods() {
        // Jinjava: 'str object' has no attribute '0', and only a few str methods existed
        assertThat(render("{{ 'abc'[0] }}{{ 'abc'[-1] }}|{{ 'a😀'[1] }}|{{ 'x'.join(['a', 'b']) }}|{{ 'abc'.find('c') }}|{{ 'abc'.count('a') }}|{{ '  a'.lstrip() }}|{{ 'a'.rjust(3) }}"))
                .isEqualTo("ac|😀|axb|2|1|a|  a");
        assertThat(render("{{ 'a b'.title() }}|{{ 'a,b'.rsplit(',', 1) }}|{{ 'abc'.partition('b') }}|{{ '42'.zfill(5) }}|{{ 'abc'.isalpha() }}|{{ 'a\nb'.splitlines() }}"))
                .isEqualTo("A B|['a', 'b']|('a', 'b', 'c')|00042|True|['a', 'b']");
        // Jinja2 (StrictUndefined): str object has no element 5; ValueError: substring not found
        assertThatThrownBy(() -> render("{{ 'abc'[5] }}")).hasMessage("Error rendering Jinja template: str object has no element 5");
        assertThatThrownBy(() -> render("{{ 'abc'.index('z') }}")).hasMessage("Error rendering Jinja template: substring not found");
        assertThatThrownBy(() -> render("{{ 'abc'.zz() }}")).hasMessage("Error rendering Jinja template: 'str object' has no attribute 'zz'");
    }

    @Test
    void itemsFilesizeformatAndSelectWithoutATest() {
        // Jinjava: no filter named 'items', 'KB' for kilobytes, and select/reject required a test
        assertThat(render("{{ {'b': 2, 'a': 1} | items | list }}|{% for k, v in {'b': 2} | items %}{{ k }}{{ v }}{% endfor %}"))
                .isEqualTo("[('b', 2), ('a', 1)]|b2");
        assertThat(render("{{ [1,2,None,0,''] | select | list }}|{{ [1,2,None,0,''] | reject | list }}|{{ [1,2,3,4] | select('odd') | list }}"))
                .isEqualTo("[1, 2]|[None, 0, '']|[1, 3]");
        assertThat(render("{{ 1000 | filesizeformat }}|{{ 1 | filesizeformat }}|{{ 10 | filesizeformat }}|{{ 1024 | filesizeformat(true) }}|{{ 1e30 | filesizeformat }}|{{ 1500000 | filesizeformat }}|{{ 1250 | filesizeformat }}"))
                .isEqualTo("1.0 kB|1 Byte|10 Bytes|1.0 KiB|1000000.0 YB|1.5 MB|1.2 kB");
        assertThatThrownBy(() -> render("{{ [1, 2] | items | list }}"))
                .hasMessage("Error rendering Jinja template: Can only get item pairs from a mapping");
    }

    @Test
    void mapTakesADottedAttributeAndADefault() {
        // Jinjava looked 'a.b' up as one key and had no default: 'dict object' has no attribute 'a.b'
        assertThat(render("{{ [{'a': {'b': 1}}] | map(attribute='a.b') | list }}|{{ [{'a': 1}, {}] | map(attribute='a', default=0) | list }}|{{ [{'a': [5, 6]}] | map(attribute='a.1') | list }}"))
                .isEqualTo("[1]|[1, 0]|[6]");
        assertThat(render("{{ ['ab', 'cd'] | map('upper') | list }}|{% set ns = namespace(v=1) %}{{ [ns] | map(attribute='v') | list }}")).isEqualTo("['AB', 'CD']|[1]");
    }
}
