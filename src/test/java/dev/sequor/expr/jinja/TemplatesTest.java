package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.db.Row;
import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    static final SourcePos POS = new SourcePos("flows/f.yaml", 10, 7);
    /** The default evaluation_timeout_seconds, so these renders run on the same path as a flow's. */
    static final Duration LIMIT = Duration.ofSeconds(60);
    final Templates templates = Templates.shared();
    final MapScope scope = new MapScope();

    String render(String text) {
        return templates.render(templates.compile(text, POS), scope, LIMIT);
    }

    SequorException renderError(String text) {
        CompiledTemplate t = templates.compile(text, POS);
        try {
            templates.render(t, scope, LIMIT);
        } catch (SequorException e) {
            return e;
        }
        throw new AssertionError("expected a render error for " + text);
    }

    SequorException compileError(String text) {
        try {
            templates.compile(text, POS);
        } catch (SequorException e) {
            return e;
        }
        throw new AssertionError("expected a compile error for " + text);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void isTemplateDetectsAllThreeMarkers() {
        assertThat(Templates.isTemplate("a {{ x }}")).isTrue();
        assertThat(Templates.isTemplate("{% if x %}{% endif %}")).isTrue();
        assertThat(Templates.isTemplate("{# note #}")).isTrue();
        assertThat(Templates.isTemplate("plain { text }")).isFalse();
        assertThat(Templates.isTemplate(null)).isFalse();
    }

    @Test
    void plainTextAndCompiledTemplateAccessors() {
        CompiledTemplate t = templates.compile("hello {{ 1 }}", POS);
        assertThat(t.source()).isEqualTo("hello {{ 1 }}");
        assertThat(t.pos()).isEqualTo(POS);
        assertThat(templates.render(t, scope, LIMIT)).isEqualTo("hello 1");
    }

    @Test
    void varReadsJavaValues() {
        scope.var("x", "a").var("n", 41L).var("d", 2.5).var("bd", new BigDecimal("12.50"))
                .var("m", map("k", map("j", "deep")))
                .var("list", List.of("p", "q"));
        assertThat(render("{{ var('x') }}")).isEqualTo("a");
        assertThat(render("{{ var('x') == 'a' }}")).isEqualTo("True");
        assertThat(render("{{ var(\"x\") == \"b\" }}")).isEqualTo("False");
        assertThat(render("{{ var('n') + 1 }}")).isEqualTo("42");
        assertThat(render("{{ var('d') * 2 }}")).isEqualTo("5.0");
        assertThat(render("{{ var('bd') }}")).isEqualTo("12.50");
        assertThat(render("{{ var('m')['k']['j'] }}")).isEqualTo("deep");
        assertThat(render("{{ var('m').k.j }}")).isEqualTo("deep");
        assertThat(render("{% for x in var('list') %}<{{ x }}>{% endfor %}")).isEqualTo("<p><q>");
        assertThat(render("{{ var('list')|length }}")).isEqualTo("2");
        assertThat(render("{{ var('x')|upper }}")).isEqualTo("A");
        assertThat(render("{{ var('m')|tojson }}")).isEqualTo("{\"k\": {\"j\": \"deep\"}}");
    }

    @Test
    void rowAccessLikeUpstream() {
        Row row = Row.of(List.of("id", "x", "name"), Arrays.asList(7L, null, "Ann"));
        scope.var("row", row).var("rows", List.of(row));
        assertThat(render("{{ var('row')['id'] }}")).isEqualTo("7");
        assertThat(render("{{ var('row').id }}")).isEqualTo("7");
        assertThat(render("{{ var('row').get('name') }}")).isEqualTo("Ann");
        assertThat(render("{{ var('row').get('x') }}")).isEqualTo("None");
        assertThat(render("{{ var('row').get('x', 'dflt') }}")).isEqualTo("dflt");
        assertThat(render("{{ var('row').get('name', 'dflt') }}")).isEqualTo("Ann");
        assertThat(render("{{ var('row').get('x', '__NULL__') }}")).isEqualTo("__NULL__");
        // rows bound by a loop are wrapped by Jinjava; Row semantics must survive that
        assertThat(render("{% for r in var('rows') %}{{ r.id }}-{{ r.get('x', 'd') }}{% endfor %}")).isEqualTo("7-d");
        assertThat(renderError("{{ var('row').nope }}").getMessage())
                .isEqualTo("Error rendering Jinja template: Column 'nope' does not exist");
        assertThat(renderError("{{ var('row')['nope'] }}").getMessage())
                .isEqualTo("Error rendering Jinja template: Column 'nope' does not exist");
        assertThat(renderError("{{ var('row').get('nope', 1) }}").getMessage())
                .isEqualTo("Error rendering Jinja template: Column 'nope' does not exist");
    }

    @Test
    void dictMethodsWork() {
        scope.var("m", map("a", 1L, "b", null));
        assertThat(render("{{ var('m').get('a') }}|{{ var('m').get('zz', 'dd') }}|{{ var('m').get('b', 'dd') }}"))
                .isEqualTo("1|dd|None");
        assertThat(render("{% for k, v in var('m').items() %}{{ k }}={{ v }};{% endfor %}")).isEqualTo("a=1;b=None;");
        assertThat(render("{{ var('m').keys() }}")).isEqualTo("['a', 'b']");
        assertThat(render("{% for k in var('m') %}{{ k }}{% endfor %}")).isEqualTo("ab");
    }

    @Test
    void outputLooksLikePythonStr() {
        List<Object> list = new ArrayList<>(Arrays.asList("a", 1L, true, null, 2.0));
        scope.var("l", list).var("m", map("a", 1L, "s", "it's", "n", null, "in", map("j", false)))
                .var("t", true).var("f", false).var("big", 1e20);
        assertThat(render("{{ var('l') }}")).isEqualTo("['a', 1, True, None, 2.0]");
        assertThat(render("{{ var('m') }}")).isEqualTo("{'a': 1, 's': \"it's\", 'n': None, 'in': {'j': False}}");
        assertThat(render("{{ var('t') }} {{ var('f') }}")).isEqualTo("True False");
        assertThat(render("{{ true }} {{ True }} {{ False }} {{ none }} {{ None }}")).isEqualTo("True True False None None");
        assertThat(render("{{ 5 }} {{ 4 / 2 }} {{ 7 // 2 }} {{ 2 ** 3 }}")).isEqualTo("5 2.0 3 8");
        assertThat(render("{{ var('big') }}")).isEqualTo("1e+20");
        assertThat(render("{{ [1, 'a'] }} {{ {'k': 'v'} }}")).isEqualTo("[1, 'a'] {'k': 'v'}");
        assertThat(render("{% set x = none %}{{ x }}")).isEqualTo("None");
        assertThat(render("{{ 1 > 0 }}")).isEqualTo("True");
    }

    @Test
    void undefinedNamesAreErrorsNamingThem() {
        SequorException e = renderError("{{ foo }}");
        assertThat(e.getMessage()).isEqualTo("Error rendering Jinja template: 'foo' is undefined");
        assertThat(e.kind()).isEqualTo(ExitCode.FLOW_FAILED);
        assertThat(e.pos()).isEqualTo(POS);
        assertThat(renderError("{{ foo|upper }}").getMessage()).isEqualTo("Error rendering Jinja template: 'foo' is undefined");
        assertThat(renderError("{{ foo.bar }}").getMessage()).isEqualTo("Error rendering Jinja template: 'foo' is undefined");
        assertThat(renderError("{% if foo %}x{% endif %}").getMessage())
                .isEqualTo("Error rendering Jinja template: 'foo' is undefined");
        assertThat(renderError("{% for x in [1] %}{{ y }}{% endfor %}").getMessage())
                .isEqualTo("Error rendering Jinja template: 'y' is undefined");
        SequorException later = renderError("line one\nline two {{ missing }}");
        assertThat(later.pos()).isEqualTo(new SourcePos("flows/f.yaml", 11, 1));
    }

    @Test
    void definednessTestsAndDefaultToleratesUndefinedLikeJinja2() {
        assertThat(render("{{ foo is defined }}|{{ foo is not defined }}|{{ foo|default('d') }}")).isEqualTo("False|True|d");
        assertThat(render("{% set foo = 1 %}{{ foo is defined }}")).isEqualTo("True");
    }

    @Test
    void missingKeysAndAttributesAreErrors() {
        scope.var("m", map("a", 1L)).var("l", List.of(1L, 2L)).var("s", "abc");
        assertThat(renderError("{{ var('m').zz }}").getMessage())
                .isEqualTo("Error rendering Jinja template: 'dict object' has no attribute 'zz'");
        assertThat(renderError("{{ var('m')['zz'] }}").getMessage())
                .isEqualTo("Error rendering Jinja template: 'dict object' has no attribute 'zz'");
        assertThat(renderError("{{ var('l')[5] }}").getMessage())
                .isEqualTo("Error rendering Jinja template: list object has no element 5");
        assertThat(render("{{ var('l')[-1] }}")).isEqualTo("2");
    }

    @Test
    void javaMethodsAreNotReachable() {
        scope.var("x", "abc").var("m", map("a", 1L)).var("l", List.of(1L))
                .var("row", Row.of(List.of("id"), List.of(1L)));
        assertThat(renderError("{{ var('x').getClass() }}").getMessage())
                .isEqualTo("Error rendering Jinja template: 'str object' has no attribute 'getClass'");
        assertThat(renderError("{{ var('m').getClass().getName() }}").getMessage())
                .isEqualTo("Error rendering Jinja template: 'dict object' has no attribute 'getClass'");
        assertThat(renderError("{{ var('l').getClass() }}").getMessage())
                .isEqualTo("Error rendering Jinja template: 'list object' has no attribute 'getClass'");
        assertThat(renderError("{{ var('row').getClass() }}").getMessage())
                .isEqualTo("Error rendering Jinja template: Column 'getClass' does not exist");
        assertThat(renderError("{{ var('x').class }}").getMessage())
                .isEqualTo("Error rendering Jinja template: 'str object' has no attribute 'class'");
        assertThat(renderError("{{ 'abc'.getBytes() }}").getMessage())
                .isEqualTo("Error rendering Jinja template: 'str object' has no attribute 'getBytes'");
        assertThat(render("{{ var('x').upper() }} {{ 'a,b'.split(',') }} {{ ' q '.strip() }}")).isEqualTo("ABC ['a', 'b'] q");
    }

    /** Jinja2 prints values as they are: template markup in data (an API's or a table's) is never run. */
    @Test
    void templateMarkupInAValueIsPrintedNotRendered() {
        scope.var("x", "{{ 6 * 7 }} {% for i in [1, 2] %}{{ i }}{% endfor %} {{ query_value('select 1') }}");
        scope.var("row", map("name", "{{ var('x') }}"));
        assertThat(render("{{ var('x') }}")).isEqualTo("{{ 6 * 7 }} {% for i in [1, 2] %}{{ i }}{% endfor %} {{ query_value('select 1') }}");
        assertThat(render("name: {{ var('row')['name'] }}|{{ var('x') | upper }}"))
                .isEqualTo("name: {{ var('x') }}|{{ 6 * 7 }} {% FOR I IN [1, 2] %}{{ I }}{% ENDFOR %} {{ QUERY_VALUE('SELECT 1') }}");
        assertThat(scope.queriesAsked).isEmpty();
    }

    /** Jinja2's urlencode (expected texts from Jinja2 3.1.6): %20 in a path value, + and quoted / in a query. */
    @Test
    void urlencodeIsJinja2s() {
        Map<String, Object> d = map("q", "a b/c", "n", 1L, "ü", true);
        d.put("none", null);
        scope.var("d", d).var("l", List.of(List.of("k", "v w"), List.of("x", 1.5))).var("t", true);
        assertThat(render("{{ 'Hello World/ä?&=+#%' | urlencode }}")).isEqualTo("Hello%20World/%C3%A4%3F%26%3D%2B%23%25");
        assertThat(render("{{ var('d') | urlencode }}")).isEqualTo("q=a+b%2Fc&n=1&%C3%BC=True&none=None");
        assertThat(render("{{ var('l') | urlencode }}")).isEqualTo("k=v+w&x=1.5");
        assertThat(render("{{ 42 | urlencode }}|{{ 1.5 | urlencode }}|{{ var('t') | urlencode }}")).isEqualTo("42|1.5|True");
        assertThat(render("{{ \"~._-*!'()@:;,$\" | urlencode }}")).isEqualTo("~._-%2A%21%27%28%29%40%3A%3B%2C%24");
        assertThat(render("{{ '漢字 🎉' | urlencode }}")).isEqualTo("%E6%BC%A2%E5%AD%97%20%F0%9F%8E%89");
        assertThat(renderError("{{ [['a', 'b', 'c']] | urlencode }}").getMessage())
                .isEqualTo("Error rendering Jinja template: urlencode needs a dict, a list of (key, value) pairs or a single"
                        + " value; got an item ['a', 'b', 'c']");
    }

    /** Jinja2's tojson (expected texts from Jinja2 3.1.6): sorted keys, Python's separators, HTML-safe escapes. */
    @Test
    void tojsonIsJinja2s() {
        Map<String, Object> d = map("b", Arrays.asList(1L, 2.5, null, true), "a", "x<y>&'z\"", "ü", "漢");
        scope.var("d", d).var("n", map("b", List.of(1L, map()), "a", map("c", List.of())))
                .var("order", map("z", 1L, "é", 2L, "Z", 3L, "a", map("y", 1L, "b", 2L)))
                .var("l", List.of(1L, "a")).var("dec", new BigDecimal("1.5"));
        Map<Object, Object> mixed = new LinkedHashMap<>();
        mixed.put("a", 1L);
        mixed.put(2L, 1L);
        scope.var("mixed", mixed);
        scope.var("row", new Row(new LinkedHashMap<>(map("b", 1L, "a", "x"))));
        assertThat(render("{{ var('d') | tojson }}"))
                .isEqualTo("{\"a\": \"x\\u003cy\\u003e\\u0026\\u0027z\\\"\", \"b\": [1, 2.5, null, true], \"\\u00fc\": \"\\u6f22\"}");
        assertThat(render("{{ var('n') | tojson(2) }}"))
                .isEqualTo("{\n  \"a\": {\n    \"c\": []\n  },\n  \"b\": [\n    1,\n    {}\n  ]\n}");
        assertThat(render("{{ var('n').b | tojson(indent=1) }}")).isEqualTo("[\n 1,\n {}\n]");
        assertThat(render("{{ var('l') | tojson }}")).isEqualTo("[1, \"a\"]");
        assertThat(render("{{ var('order') | tojson }}")).isEqualTo("{\"Z\": 3, \"a\": {\"b\": 2, \"y\": 1}, \"z\": 1, \"\\u00e9\": 2}");
        // where upstream's json.dumps refuses a value, tojson writes it as a json body does (PythonJsonDumps)
        assertThat(render("{{ var('dec') | tojson }}|{{ var('row') | tojson }}")).isEqualTo("1.5|{\"a\": \"x\", \"b\": 1}");
        assertThat(renderError("{{ var('mixed') | tojson }}").getMessage())
                .isEqualTo("Error rendering Jinja template: '<' not supported between instances of 'str' and 'int'");
    }

    /** round, sort, max, min, batch and truncate as Jinja2 3.1.6 renders them (expected texts from it). */
    @Test
    void numberAndListFiltersAreJinja2s() {
        scope.var("d", new BigDecimal("2.25"))
                .var("l", List.of(map("v", 2L), map("v", 1L), map("v", 3L)))
                .var("m", List.of(map("v", 2L, "c", map("n", "b")), map("v", 1L, "c", map("n", "b")),
                        map("v", 0L, "c", map("n", "a"))))
                .var("k", List.of(map("v", 2L, "k", "x"), map("v", 1L), map("v", 2L, "k", "y")));
        assertThat(render("{{ 2.5 | round }}|{{ 3.5 | round }}|{{ 2.675 | round(2) }}|{{ 7 | round }}|{{ 2.5 | round(0, 'floor') }}"
                + "|{{ 2.4 | round(0, 'ceil') }}|{{ -2.5 | round }}|{{ 1.25 | round(1) }}|{{ 12345.678 | round(-2) }}"
                + "|{{ 1234 | round(-2) }}|{{ 2.45 | round(1, method='ceil') }}|{{ var('d') | round(1) }}"))
                .isEqualTo("2.0|4.0|2.67|7|2.0|3.0|-2.0|1.2|12300.0|1200|2.5|2.2");
        assertThat(renderError("{{ 'x' | round }}").getMessage())
                .isEqualTo("Error rendering Jinja template: type str doesn't define __round__ method");
        assertThat(renderError("{{ 2.5 | round(0, 'up') }}").getMessage())
                .isEqualTo("Error rendering Jinja template: method must be common, ceil or floor");
        assertThat(render("{{ [3,1,2] | batch(2) | list }}|{{ [3,1,2] | batch(2, 'x') | list }}|{{ [] | batch(2) | list }}"
                + "|{{ [1,2] | batch(2, fill_with=0) | list }}")).isEqualTo("[[3, 1], [2]]|[[3, 1], [2, 'x']]|[]|[[1, 2]]");
        assertThat(render("{{ 'Hello World' | truncate(9) }}|{{ 'Hello World and more' | truncate(9) }}"
                + "|{{ 'Hello World and more' | truncate(9, True) }}|{{ 'Hello World and more' | truncate(9, False, '..') }}"
                + "|{{ 'Hello World and more' | truncate(9, leeway=0) }}|{{ 'Hello' | truncate(3, leeway=0) }}"
                + "|{{ 'ab cd ef gh ij' | truncate(length=8, end='~') }}"))
                .isEqualTo("Hello World|Hello...|Hello ...|Hello..|Hello...|...|ab cd~");
        assertThat(render("{{ var('l') | sort(attribute='v') }}|{{ var('l') | sort(attribute='v', reverse=true) }}"
                + "|{{ ['b','A','a','B'] | sort }}|{{ ['b','A','a'] | sort(case_sensitive=true) }}|{{ [3, 1.5, true, 2] | sort }}"
                + "|{{ var('m') | sort(attribute='c.n,v') }}"))
                .isEqualTo("[{'v': 1}, {'v': 2}, {'v': 3}]|[{'v': 3}, {'v': 2}, {'v': 1}]|['A', 'a', 'b', 'B']|['A', 'a', 'b']"
                        + "|[True, 1.5, 2, 3]|[{'v': 0, 'c': {'n': 'a'}}, {'v': 1, 'c': {'n': 'b'}}, {'v': 2, 'c': {'n': 'b'}}]");
        scope.var("nan", Arrays.asList(2L, Double.NaN, 1.5));
        assertThat(render("{{ var('nan') | sort }}|{{ var('nan') | max }}")).isEqualTo("[nan, 1.5, 2]|2");
        assertThat(renderError("{{ [3, 'a'] | sort }}").getMessage())
                .isEqualTo("Error rendering Jinja template: '<' not supported between instances of 'str' and 'int'");
        assertThat(render("{{ [3,1,2] | max }}|{{ [3,1,2] | min }}|{{ ['b','A','a'] | max }}|{{ ['b','A','a'] | min }}"
                + "|{{ ['b','A','a'] | max(case_sensitive=true) }}|{{ var('k') | max(attribute='v') }}"
                + "|{{ var('k') | min(attribute='v') }}")).isEqualTo("3|1|b|A|b|{'v': 2, 'k': 'x'}|{'v': 1}");
        assertThat(renderError("{{ [] | max }}").getMessage())
                .isEqualTo("Error rendering Jinja template: No aggregated item, sequence was empty");
    }

    @Test
    void varErrorReachesUserUnchanged() {
        SequorException e = renderError("{{ var('nope') }}");
        assertThat(e.getMessage()).isEqualTo("Error rendering Jinja template: Variable 'nope' is not defined");
        assertThat(e.kind()).isEqualTo(ExitCode.FLOW_FAILED);
    }

    @Test
    void isVarDefined() {
        scope.var("a", 1L);
        assertThat(render("{{ is_var_defined('a') }} {{ is_var_defined('b') }}")).isEqualTo("True False");
    }

    @Test
    void envReadsOsVariablesWithOptionalDefault() {
        scope.env.put("HOME_DIR", "/home/x");
        assertThat(render("{{ env('HOME_DIR') }}")).isEqualTo("/home/x");
        assertThat(render("{{ env('UNSET_ONE', 'fallback') }}")).isEqualTo("fallback");
        assertThat(renderError("{{ env('UNSET_ONE') }}").getMessage())
                .isEqualTo("Error rendering Jinja template: Environment variable 'UNSET_ONE' is not set");
    }

    @Test
    void queryValueWithAndWithoutType() {
        scope.queryResults.put("select count(*) from t", 3L);
        scope.queryResults.put("select '12'", "12");
        scope.queryResults.put("select 12.0", 12.0);
        scope.queryResults.put("select dec", new BigDecimal("12.00"));
        scope.queryResults.put("select one", 1L);
        scope.queryResults.put("select zero", 0L);
        scope.queryResults.put("select t", "true");
        scope.queryResults.put("select f", "false");
        scope.queryResults.put("select x", "abc");
        assertThat(render("{{ query_value(\"select count(*) from t\", int) > 0 }}")).isEqualTo("True");
        assertThat(scope.queriesAsked).containsExactly("null: select count(*) from t");
        assertThat(render("{{ query_value('select count(*) from t') }}")).isEqualTo("3");
        assertThat(render("{{ query_value(\"select '12'\", int) + 1 }}")).isEqualTo("13");
        assertThat(render("{{ query_value(\"select '12'\", 'int') + 1 }}")).isEqualTo("13");
        assertThat(render("{{ query_value('select 12.0', int) }}")).isEqualTo("12");
        assertThat(render("{{ query_value('select dec', int) }}")).isEqualTo("12");
        assertThat(render("{{ query_value('select one', bool) }} {{ query_value('select zero', bool) }}")).isEqualTo("True False");
        assertThat(render("{{ query_value('select t', bool) }} {{ query_value('select f', 'bool') }}")).isEqualTo("True False");
        assertThat(render("{{ query_value('select one', float) }} {{ query_value('select one', str) }}")).isEqualTo("1.0 1");
        scope.queriesAsked.clear();
        assertThat(render("{{ query_value('select one', int, 'wh') }}")).isEqualTo("1");
        assertThat(render("{{ query_value('select one', source='wh2') }}")).isEqualTo("1");
        assertThat(scope.queriesAsked).containsExactly("wh: select one", "wh2: select one");
        assertThat(renderError("{{ query_value('select one', 'decimal') }}").getMessage())
                .isEqualTo("Error rendering Jinja template: query_value type must be one of int, float, str, bool, got 'decimal'");
        assertThat(renderError("{{ query_value('select x', int) }}").getMessage())
                .isEqualTo("Error rendering Jinja template: query_value cannot convert 'abc' to int");
        assertThat(renderError("{{ query_value('select nothing') }}").getMessage())
                .isEqualTo("Error rendering Jinja template: Query returned no rows: select nothing");
    }

    @Test
    void syntaxErrorsAreInvalidAtTheirLine() {
        SequorException e = compileError("{{ 1 + }}");
        assertThat(e.kind()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).startsWith("Invalid Jinja template: Error parsing '1 +'");
        assertThat(e.pos()).isEqualTo(POS);
        SequorException third = compileError("a\nb {% if true %}\n{{ (1 }}{% endif %}");
        assertThat(third.pos()).isEqualTo(new SourcePos("flows/f.yaml", 12, 1));
        assertThat(third.getMessage()).startsWith("Invalid Jinja template: Error parsing '(1'");
        // even in a branch a render would skip
        assertThat(compileError("{% if false %}{{ x. }}{% endif %}").getMessage()).startsWith("Invalid Jinja template: ");
        assertThat(compileError("{% if %}x{% endif %}").getMessage())
                .isEqualTo("Invalid Jinja template: Syntax error in '{% if %}': Tag 'if' expects expression");
        assertThat(compileError("x\n{% for a in [1] %}").getMessage()).contains("Missing end tag: endfor");
        assertThat(compileError("x\n{% for a in [1] %}").pos().line()).isEqualTo(11);
        assertThat(compileError("{% bogus %}").getMessage()).contains("Unknown tag: bogus");
        assertThat(compileError("{{ nofunction(1) }}").getMessage()).contains("nofunction");
    }

    @Test
    void compileDoesNotCallFunctions() {
        scope.queryResults.put("select 1", 1L);
        CompiledTemplate t = templates.compile("{% if query_value('select 1') %}{{ var('absent') }}{% endif %}", POS);
        assertThat(scope.queriesAsked).isEmpty();
        assertThat(t.source()).contains("query_value");
    }

    @Test
    void compiledTemplateRendersManyTimesWithDifferentScopes() throws Exception {
        CompiledTemplate t = templates.compile("{{ var('i') * 2 }}", POS);
        List<Thread> threads = new ArrayList<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int n = 0; n < 4; n++) {
            long base = n * 1000L;
            Thread th = new Thread(() -> {
                for (long i = base; i < base + 200; i++) {
                    String out = templates.render(t, new MapScope().var("i", i), LIMIT);
                    if (!out.equals(String.valueOf(i * 2))) {
                        failures.add(i + " -> " + out);
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void evaluateReturnsTheValueOfASingleExpression() {
        scope.var("l", List.of(1L, 2L));
        assertThat(templates.evaluate(templates.compile("{{ var('l') }}", POS), scope, LIMIT)).isEqualTo(List.of(1L, 2L));
        assertThat(templates.evaluate(templates.compile("{{ none }}", POS), scope, LIMIT)).isNull();
        assertThat(templates.evaluate(templates.compile("n={{ 1 }}", POS), scope, LIMIT)).isEqualTo("n=1");
        assertThatThrownBy(() -> templates.evaluate(templates.compile("{{ var('zz') }}", POS), scope, LIMIT))
                .hasMessage("Error rendering Jinja template: Variable 'zz' is not defined");
    }

    @Test
    void unknownFiltersAndTestsAreInvalid() {
        SequorException f = compileError("x\n{{ 'a|b'|nofilter }}");
        assertThat(f.getMessage()).isEqualTo("Invalid Jinja template: No filter named 'nofilter'");
        assertThat(f.pos()).isEqualTo(new SourcePos("flows/f.yaml", 11, 1));
        assertThat(compileError("{% if 1 is notatest %}{% endif %}").getMessage())
                .isEqualTo("Invalid Jinja template: No test named 'notatest'");
        assertThat(render("{{ 'a|b' }} {{ 3 is odd }} {{ [3, 1]|sort|join(',') }}")).isEqualTo("a|b True 1,3");
    }

    @Test
    void stringFilterAndMacrosPrintLikePython() {
        assertThat(render("{{ true|string }} {{ none|string }}")).isEqualTo("True None");
        assertThat(render("{% macro m(a) %}<{{ a }}>{% endmacro %}{{ m(false) }}")).isEqualTo("<False>");
    }

    @Test
    void whitespaceAndTrailingNewlineLikeJinja2() {
        assertThat(render("a\n")).isEqualTo("a");
        assertThat(render("a\n\n")).isEqualTo("a\n");
        assertThat(render("{% for i in [1, 2] -%}\n{{ i }}\n{%- endfor %}")).isEqualTo("12");
    }

    @org.junit.jupiter.api.Test
    void aLoopBombEndsWithAClearErrorNotAFullHeap() {
        String hundredChars = "x".repeat(100);
        SequorException e = renderError("{% for i in range(1000) %}{% for j in range(1000) %}" + hundredChars
                + "{% endfor %}{% endfor %}");
        org.assertj.core.api.Assertions.assertThat(e.getMessage()).startsWith("Error rendering Jinja template")
                .containsIgnoringCase("output");
    }
}
