package dev.sequor.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected texts are CPython 3's {@code json.dumps} output for the same values. */
class PythonJsonDumpsTest {

    @Test
    void separatorsEscapesAndFloatsAsPython() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "Zoë €");
        m.put("emoji", "😀");
        m.put("q", "a\"b\\c\n\t\u0001\u007f");
        m.put("n", null);
        m.put("t", true);
        m.put("i", 42L);
        m.put("f", List.of(1.5e10, 0.0001, 0.00001, 1e16, 2.0, -0.0));
        m.put("e", Map.of());
        m.put("l", List.of());
        assertThat(PythonJsonDumps.dumps(m)).isEqualTo("{\"name\": \"Zo\\u00eb \\u20ac\", \"emoji\": \"\\ud83d\\ude00\","
                + " \"q\": \"a\\\"b\\\\c\\n\\t\\u0001\\u007f\", \"n\": null, \"t\": true, \"i\": 42,"
                + " \"f\": [15000000000.0, 0.0001, 1e-05, 1e+16, 2.0, -0.0], \"e\": {}, \"l\": []}");
    }

    @Test
    void scalarsAndSpecialFloats() {
        assertThat(PythonJsonDumps.dumps(null)).isEqualTo("null");
        assertThat(PythonJsonDumps.dumps("x")).isEqualTo("\"x\"");
        assertThat(PythonJsonDumps.dumps(7)).isEqualTo("7");
        List<Object> specials = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertThat(PythonJsonDumps.dumps(specials)).isEqualTo("[NaN, Infinity, -Infinity]");
    }

    @Test
    void nonStringKeysBecomeStringsAsInPython() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(1L, "a");
        m.put(2.5, "b");
        m.put(true, "c");
        m.put(null, "d");
        assertThat(PythonJsonDumps.dumps(m)).isEqualTo("{\"1\": \"a\", \"2.5\": \"b\", \"true\": \"c\", \"null\": \"d\"}");
        assertThatThrownBy(() -> PythonJsonDumps.dumps(Map.of(List.of(1), "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("keys must be str, int, float, bool or None, not ");
    }

    /** Upstream cannot send these (TypeError); Sequor sends them as it always did. */
    @Test
    void decimalsAndDatesAsSequorSendsThem() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("price", new BigDecimal("15.00"));
        m.put("day", LocalDate.of(2024, 1, 2));
        m.put("at", OffsetDateTime.of(2024, 1, 2, 3, 4, 0, 0, ZoneOffset.UTC));
        assertThat(PythonJsonDumps.dumps(m))
                .isEqualTo("{\"price\": 15.00, \"day\": \"2024-01-02\", \"at\": \"2024-01-02T03:04:00Z\"}");
    }

    /** json.dumps(..., sort_keys=True, indent=N), as Jinja2's tojson calls it (expected texts from CPython 3). */
    @Test
    void sortedKeysAndIndentAsPythonWritesThem() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("é", 1L);
        inner.put("Z", 2L);
        inner.put("\uD83D\uDE00", 3L);  // a code point above U+FF5E, though its UTF-16 units sort below it
        inner.put("\uFF5E", 4L);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", List.of(1L, Map.of(), List.of()));
        m.put("a", inner);
        m.put("", null);
        assertThat(PythonJsonDumps.dumps(m, true, 2)).isEqualTo("{\n  \"\": null,\n  \"a\": {\n    \"Z\": 2,\n"
                + "    \"\\u00e9\": 1,\n    \"\\uff5e\": 4,\n    \"\\ud83d\\ude00\": 3\n  },\n  \"b\": [\n    1,\n"
                + "    {},\n    []\n  ]\n}");
        Map<Object, Object> numbers = new LinkedHashMap<>();
        numbers.put(3L, "c");
        numbers.put(1.5, "b");
        numbers.put(-2L, "a");
        assertThat(PythonJsonDumps.dumps(numbers, true, null)).isEqualTo("{\"-2\": \"a\", \"1.5\": \"b\", \"3\": \"c\"}");
        assertThat(PythonJsonDumps.dumps(List.of(1L, List.of(2L, List.of(3L)), Map.of()), false, 0))
                .isEqualTo("[\n1,\n[\n2,\n[\n3\n]\n],\n{}\n]");
        Map<Object, Object> mixed = new LinkedHashMap<>();
        mixed.put("a", 1L);
        mixed.put(2L, 1L);
        assertThatThrownBy(() -> PythonJsonDumps.dumps(mixed, true, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'<' not supported between instances of 'str' and 'int'");
    }
}
