package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** String, list and dict literals in expressions, read as Jinja2 reads them; every expected text is Jinja2 3.1.6's. */
class LiteralsTest {

    final Templates templates = Templates.shared();
    final MapScope scope = new MapScope();

    String render(String text) {
        return templates.render(templates.compile(text, TemplatesTest.POS), scope, TemplatesTest.LIMIT);
    }

    @Test
    void stringLiteralsHavePythonsEscapes() {
        // Jinjava: "invalid escape sequence" for \\u, \\x, \\N, octal, \\a, \\v and any unknown escape such as \\d
        assertThat(render("{{ '\\u00e9' }}|{{ '\\x41' }}|{{ '\\U0001F600' }}|{{ '\\N{BULLET}' }}|{{ 'é\\u00e9' }}"))
                .isEqualTo("é|A|😀|•|éé");
        assertThat(render("{{ 'a\\nb' }}|{{ 'a\\tb' }}|{{ 'a\\\\b' }}|{{ 'it\\'s' }}|{{ \"say \\\"hi\\\"\" }}|{{ '\\\\n' }}"))
                .isEqualTo("a\nb|a\tb|a\\b|it's|say \"hi\"|\\n");
        assertThat(render("{{ '\\101\\0' | list }}|{{ '\\a\\v' | list }}|{{ '\\777' }}")).isEqualTo("['A', '\\x00']|['\\x07', '\\x0b']|ǿ");
        // an unknown escape keeps its backslash, as in a regex
        assertThat(render("{{ '\\d+' }}|{{ '\\8' }}")).isEqualTo("\\d+|\\8");
        assertThat(render("{% set x = '\\u00e9' %}{{ x }}{{ 'a.b' | replace('.', '\\x2e\\x2e') }}")).isEqualTo("éa..b");
    }

    @Test
    void aMalformedEscapeIsASyntaxError() {
        // Jinja2: TemplateSyntaxError with these words
        assertThatThrownBy(() -> render("{{ '\\x4' }}")).hasMessageContaining("Invalid Jinja template")
                .hasMessageContaining("truncated \\xXX escape");
        assertThatThrownBy(() -> render("{{ '\\u00' }}")).hasMessageContaining("truncated \\uXXXX escape");
        assertThatThrownBy(() -> render("{{ '\\N{NOPE}' }}")).hasMessageContaining("unknown Unicode character name");
        assertThatThrownBy(() -> render("{{ '\\U00110000' }}")).hasMessageContaining("illegal Unicode character");
    }

    @Test
    void nestedDictsEndAnExpressionOnlyAtItsOwnBraces() {
        // Jinjava ended {{ at the first }} and failed to parse: "syntax error at position 17, encountered 'null'"
        assertThat(render("{{ {'a': {'b': [1, {'c': 2}]}}['a']['b'][1]['c'] }}")).isEqualTo("2");
        assertThat(render("{{ {'a': {'b': 1}} | tojson }}")).isEqualTo("{\"a\": {\"b\": 1}}");
        assertThat(render("{{ {'a': [1, 2], 'b': {'c': none, 'd': true}} | tojson }}")).isEqualTo("{\"a\": [1, 2], \"b\": {\"c\": null, \"d\": true}}");
        assertThat(render("{{ {'b': 1, 'a': {'z': 1, 'y': 2}} | tojson }}")).isEqualTo("{\"a\": {\"y\": 2, \"z\": 1}, \"b\": 1}");
        assertThat(render("{{ {'a': {'b': 1}}|tojson(indent=2) }}")).isEqualTo("{\n  \"a\": {\n    \"b\": 1\n  }\n}");
        assertThat(render("{{ {'a': {'b': 1}}.a.b }}|{{ {'a': {'b': {'c': {}}}} }}|{{ {'x': '}}'} }}|{{ '{' ~ '}}' }}"))
                .isEqualTo("1|{'a': {'b': {'c': {}}}}|{'x': '}}'}|{}}");
        assertThat(render("a {{- {'a': {'b': 1}} -}} b {{ {'c': {'d': 2}} }} c")).isEqualTo("a{'a': {'b': 1}}b {'c': {'d': 2}} c");
        // comments and raw blocks are left as they are
        assertThat(render("{# {{ {'a': {'b': 1}} }} #}x{% raw %}{{ {'a': {'b': 1}} }}{% endraw %}")).isEqualTo("x{{ {'a': {'b': 1}} }}");
    }

    @Test
    void dictBuildsADict() {
        // Jinjava: "Could not resolve function 'dict'"
        assertThat(render("{{ dict(a=1, b=none) }}|{{ dict({'x': 1}, y=2) }}|{{ dict([['k', 'v']]) }}|{{ dict() }}|{{ dict(a=1) | tojson }}"))
                .isEqualTo("{'a': 1, 'b': None}|{'x': 1, 'y': 2}|{'k': 'v'}|{}|{\"a\": 1}");
        assertThat(render("{% set d = dict(a=1) %}{{ d.a }}{{ d.get('zz', 3) }}")).isEqualTo("13");
    }

    @Test
    void tuplesPrintAsTuples() {
        // Jinjava printed a tuple as a list: [1, 2]
        assertThat(render("{{ (1, 2) }}|{{ ('a', none, (1, 2)) }}|{{ [(1, 2)] }}|{{ {'k': (1, 2)} }}|{{ (1, 2) * 2 }}|{{ (1, 2) ~ '' }}"))
                .isEqualTo("(1, 2)|('a', None, (1, 2))|[(1, 2)]|{'k': (1, 2)}|(1, 2, 1, 2)|(1, 2)");
        // still a sequence to filters, loops and tests
        assertThat(render("{{ (1, 2) | list }}|{{ (1, 2) | length }}|{{ (1, 2) | tojson }}|{{ (1, 2)[0] }}|{{ 2 in (1, 2) }}|{{ (3, 1, 2) | sort }}|{{ (1, 2) | join('-') }}"))
                .isEqualTo("[1, 2]|2|[1, 2]|1|True|[1, 2, 3]|1-2");
        assertThat(render("{% for a, b in [(1, 2), (3, 4)] %}{{ a }}{{ b }}{% endfor %}|{{ dict([('a', 1)]) }}")).isEqualTo("1234|{'a': 1}");
        assertThatThrownBy(() -> render("{{ (1, 2) + [3] }}"))
                .hasMessage("Error rendering Jinja template: can only concatenate tuple (not \"list\") to tuple");
    }

    @Test
    void extendedSlicesAndTrailingCommas() {
        // Jinjava: a syntax error for s[::-1], (1,), () and [1,]
        assertThat(render("{{ 'abc'[::-1] }}|{{ [1,2,3,4][::2] }}|{{ [1,2,3,4][1::2] }}|{{ 'abcdef'[4:1:-1] }}|{{ (1, 2, 3)[::-1] }}|{{ 'a😀b'[::-1] }}"))
                .isEqualTo("cba|[1, 3]|[2, 4]|edc|(3, 2, 1)|b😀a");
        assertThat(render("{{ [1,2,3,4,5][-1:0:-2] }}|{{ [1,2,3][::-1][0] }}|{{ 'abc'[none:none:-1] }}|{% for i in [1,2,3][::-1] %}{{ i }}{% endfor %}|{{ 'abc'[:-1] }}"))
                .isEqualTo("[5, 3]|3|cba|321|ab");
        assertThat(render("{{ (1,) }}|{{ () }}|{{ [1,] }}|{{ {'a': 1,} }}|{{ (1,)[0] }}|{{ dict(a=1,) }}|{{ ([1],) }}"))
                .isEqualTo("(1,)|()|[1]|{'a': 1}|1|{'a': 1}|([1],)");
        assertThatThrownBy(() -> render("{{ 'abc'[::0] }}")).hasMessage("Error rendering Jinja template: slice step cannot be zero");
    }
}
