package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Python's truth ({@link PythonTruth}) wherever a template takes one: any text but {@code ''} is true ({@code 'false'},
 * {@code '0'}, {@code ' '}), None, zero and empty containers are false. Every expected text is Jinja2 3.1.6's
 * (StrictUndefined, as upstream).
 */
class TruthTest {

    final Templates templates = Templates.shared();
    final MapScope scope = new MapScope().var("s", "false").var("S", "False").var("zero_text", "0")
            .var("dec0", BigDecimal.ZERO).var("dec", new BigDecimal("0.5")).var("f0", 0.0).var("n0", 0L)
            .var("empty_list", List.of()).var("empty_map", Map.of())
            .var("rows", List.of(Map.of("v", "false"), Map.of("v", ""), Map.of("v", "x")));

    String render(String text) {
        return templates.render(templates.compile(text, TemplatesTest.POS), scope, TemplatesTest.LIMIT);
    }

    @Test
    void ifTakesPythonTruth() {
        assertThat(render("{% if 'false' %}T{% else %}F{% endif %}")).isEqualTo("T");
        assertThat(render("{% if 'False' %}T{% else %}F{% endif %}")).isEqualTo("T");
        assertThat(render("{% if 'FALSE' %}T{% else %}F{% endif %}")).isEqualTo("T");
        assertThat(render("{% if '0' %}T{% else %}F{% endif %}")).isEqualTo("T");
        assertThat(render("{% if ' ' %}T{% else %}F{% endif %}")).isEqualTo("T");
        assertThat(render("{% if '' %}T{% else %}F{% endif %}")).isEqualTo("F");
        assertThat(render("{% if [] %}T{% else %}F{% endif %}")).isEqualTo("F");
        assertThat(render("{% if {} %}T{% else %}F{% endif %}")).isEqualTo("F");
        assertThat(render("{% if () %}T{% else %}F{% endif %}")).isEqualTo("F");
        assertThat(render("{% if [0] %}T{% else %}F{% endif %}")).isEqualTo("T");
        assertThat(render("{% if {'a': 0} %}T{% else %}F{% endif %}")).isEqualTo("T");
        assertThat(render("{% if 0 %}T{% else %}F{% endif %}")).isEqualTo("F");
        assertThat(render("{% if 0.0 %}T{% else %}F{% endif %}")).isEqualTo("F");
        assertThat(render("{% if -0.0 %}T{% else %}F{% endif %}")).isEqualTo("F");
        assertThat(render("{% if 1 %}T{% else %}F{% endif %}")).isEqualTo("T");
        assertThat(render("{% if none %}T{% else %}F{% endif %}")).isEqualTo("F");
        assertThat(render("{% if false %}T{% else %}F{% endif %}")).isEqualTo("F");
        assertThat(render("{% if true %}T{% else %}F{% endif %}")).isEqualTo("T");
        assertThat(render("{% if range(0) %}T{% else %}F{% endif %}")).isEqualTo("F");
        assertThat(render("{% if range(1) %}T{% else %}F{% endif %}")).isEqualTo("T");
        assertThat(render("{% if 'no' %}T{% else %}F{% endif %}")).isEqualTo("T");
        assertThat(render("{% if 'false' %}yes{% endif %}")).isEqualTo("yes");
    }

    @Test
    void elifTakesPythonTruth() {
        assertThat(render("{% if false %}a{% elif 'false' %}b{% else %}c{% endif %}")).isEqualTo("b");
        assertThat(render("{% if 0 %}a{% elif '0' %}b{% else %}c{% endif %}")).isEqualTo("b");
        assertThat(render("{% if [] %}a{% elif {} %}b{% elif 0.0 %}c{% elif none %}d{% elif '' %}e{% else %}f{% endif %}")).isEqualTo("f");
        assertThat(render("{% if 'False' %}a{% elif true %}b{% endif %}")).isEqualTo("a");
    }

    @Test
    void notTakesPythonTruth() {
        assertThat(render("{{ not 'false' }} {{ not 'False' }} {{ not '0' }} {{ not ' ' }} {{ not '' }}")).isEqualTo("False False False False True");
        assertThat(render("{{ not [] }} {{ not {} }} {{ not 0.0 }} {{ not none }} {{ not [0] }} {{ not not 'false' }}")).isEqualTo("True True True True False True");
        assertThat(render("{% if not 'false' %}a{% else %}b{% endif %}")).isEqualTo("b");
    }

    @Test
    void andOrGiveTheOperandPythonsTruthPicks() {
        assertThat(render("{{ 'false' and 'x' }}|{{ '0' and 1 }}|{{ '' and 'x' }}|{{ [] and 'x' }}|{{ 0.0 and 'x' }}")).isEqualTo("x|1||[]|0.0");
        assertThat(render("{{ 'false' or 'x' }}|{{ 'False' or 'x' }}|{{ '' or 'x' }}|{{ [] or 'x' }}|{{ {} or 'x' }}|{{ 0.0 or 'x' }}|{{ none or 'x' }}|{{ ' ' or 'x' }}")).isEqualTo("false|False|x|x|x|x|x| ");
        assertThat(render("{{ 'false' and 'false' or 'x' }}|{{ (0.0 or 'false') and 'yes' }}")).isEqualTo("false|yes");
        assertThat(render("{% set a = 'false' %}{% if a %}A{% endif %}{% if not a %}N{% endif %}{% if a and true %}B{% endif %}{% if a or false %}C{% endif %}")).isEqualTo("ABC");
    }

    @Test
    void inlineIfTakesPythonTruth() {
        assertThat(render("{{ 'a' if 'false' else 'b' }} {{ 'a' if '0' else 'b' }} {{ 'a' if [] else 'b' }} {{ 'a' if {} else 'b' }} {{ 'a' if 0.0 else 'b' }} {{ 'a' if none else 'b' }} {{ 'a' if ' ' else 'b' }}")).isEqualTo("a a b b b b a");
        assertThat(render("[{{ 'a' if 'False' }}]")).isEqualTo("[a]");
        assertThat(render("{{ 'Hello' if 'false' and 'false' or '' else 'no' }}")).isEqualTo("Hello");
    }

    @Test
    void selectAndRejectWithoutATestTakePythonTruth() {
        assertThat(render("{{ ['false', 'False', '0', ' ', '', [], {}, 0.0, none, 0, 1, 'x', [0]] | select | list }}")).isEqualTo("['false', 'False', '0', ' ', 1, 'x', [0]]");
        assertThat(render("{{ ['false', 'False', '0', ' ', '', [], {}, 0.0, none, 0, 1, 'x', [0]] | reject | list }}")).isEqualTo("['', [], {}, 0.0, None, 0]");
    }

    @Test
    void selectattrAndRejectattrWithoutATestTakePythonTruth() {
        assertThat(render("{{ [{'v': 'false'}, {'v': '0'}, {'v': ''}, {'v': []}, {'v': 0.0}, {'v': none}, {'v': ' '}, {'v': {}}] | selectattr('v') | map(attribute='v') | list }}")).isEqualTo("['false', '0', ' ']");
        assertThat(render("{{ [{'v': 'false'}, {'v': '0'}, {'v': ''}, {'v': []}, {'v': 0.0}, {'v': none}, {'v': ' '}, {'v': {}}] | rejectattr('v') | map(attribute='v') | list }}")).isEqualTo("['', [], 0.0, None, {}]");
        assertThat(render("{{ var('rows') | selectattr('v') | map(attribute='v') | join(',') }}")).isEqualTo("false,x");
    }

    @Test
    void loopFiltersTakePythonTruth() {
        assertThat(render("{% for x in ['false', 'False', '0', ' ', '', [], {}, 0.0, none, 0, 'x'] if x %}[{{ x }}]{% endfor %}")).isEqualTo("[false][False][0][ ][x]");
        assertThat(render("{% for x in ['false', '', 'x'] if not x %}[{{ x }}]{% endfor %}")).isEqualTo("[]");
        assertThat(render("{% for i in [1, 2, 3] %}{% if loop.changed('false') %}c{% endif %}{% endfor %}")).isEqualTo("c");
    }

    @Test
    void defaultInBooleanModeTakesPythonTruth() {
        assertThat(render("{{ 'false' | default('d', true) }}|{{ 'False' | default('d', true) }}|{{ '0' | default('d', true) }}|{{ '' | default('d', true) }}|{{ [] | default('d', true) }}")).isEqualTo("false|False|0|d|d");
        assertThat(render("{{ {} | default('d', true) }}|{{ 0.0 | default('d', true) }}|{{ none | default('d', true) }}|{{ ' ' | default('d', true) }}")).isEqualTo("d|d|d| ");
        assertThat(render("{{ 'x' | default('d', 'false') }}|{{ '' | default('d', 'false') }}|{{ '' | default('d', []) }}")).isEqualTo("x|d|");
    }

    @Test
    void flagArgumentsOfFiltersTakePythonTruth() {
        assertThat(render("{{ ['b', 'A'] | sort(case_sensitive='false') }}|{{ ['b', 'A'] | sort(case_sensitive=[]) }}")).isEqualTo("['A', 'b']|['A', 'b']");
        assertThat(render("{{ [3, 1, 2] | sort(reverse=1) }}|{{ [3, 1, 2] | sort(reverse=0) }}")).isEqualTo("[3, 2, 1]|[1, 2, 3]");
        assertThat(render("{{ 'aaa bbb ccc ddd' | truncate(9, 'false') }}|{{ 'aaa bbb ccc ddd' | truncate(9, []) }}")).isEqualTo("aaa bb...|aaa...");
    }

    @Test
    void valuesFromTheFlowTakePythonTruth() {
        assertThat(render("{% if var('s') %}a{% endif %}{% if var('S') %}b{% endif %}{% if var('zero_text') %}c{% endif %}")).isEqualTo("abc");
        assertThat(render("{% if var('dec0') %}a{% else %}b{% endif %}{% if var('dec') %}c{% endif %}{% if var('f0') %}d{% endif %}{% if var('n0') %}e{% endif %}")).isEqualTo("bc");
        assertThat(render("{% if var('empty_list') or var('empty_map') %}a{% else %}b{% endif %}")).isEqualTo("b");
        assertThat(render("{{ var('s') or 'x' }}|{{ not var('s') }}|{{ var('dec0') or 'x' }}")).isEqualTo("false|False|x");
    }

    @Test
    void comparisonsAndIdentityTestsStayAsTheyWere() {
        assertThat(render("{{ 'false' is true }}|{{ 'false' is false }}|{{ 'false' == false }}|{{ 'true' == true }}|{{ 'false' is string }}")).isEqualTo("False|False|False|False|True");
        assertThat(render("{% set ns = namespace(a=1) %}{{ 'y' if ns else 'n' }}")).isEqualTo("y");
    }
}
