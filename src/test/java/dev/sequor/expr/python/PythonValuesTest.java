package dev.sequor.expr.python;

import static dev.sequor.expr.python.PythonTestSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Java values become real Python values on the way in, and plain Java values on the way out. */
class PythonValuesTest {

    private static MapScope withOrder() {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", 7L);
        order.put("tags", List.of("a", "b", "c"));
        order.put("price", new BigDecimal("12.50"));
        order.put("customer", Map.of("name", "Ann"));
        order.put("note", null);
        return new MapScope().var("order", order);
    }

    @Test
    void passedDictIsARealDict() {
        assertThat(eval("import json\nreturn json.dumps(var('order'), default=str)", withOrder()))
                .isEqualTo("{\"id\": 7, \"tags\": [\"a\", \"b\", \"c\"], \"price\": \"12.50\", \"customer\": {\"name\": \"Ann\"}, "
                        + "\"note\": null}");
        assertThat(eval("[isinstance(var('order'), dict), isinstance(var('order')['tags'], list), "
                + "type(var('order')['id']).__name__, 'id' in var('order'), 'zz' in var('order')]", withOrder()))
                .isEqualTo(List.of(true, true, "int", true, false));
    }

    @Test
    void passedValuesSupportMutationSlicingAndFStrings() {
        assertThat(eval("o = var('order')\no['extra'] = 1\no['tags'].append('d')\n"
                + "return f\"{o['customer']['name']}-{o['tags'][1:3]}-{len(o)}-{o['tags'][-1]}\"", withOrder()))
                .isEqualTo("Ann-['b', 'c']-6-d");
    }

    @Test
    void javaNumberAndTimeTypesBecomePythonTypes() {
        MapScope scope = new MapScope()
                .var("dec", new BigDecimal("1.25"))
                .var("big", new BigInteger("123456789012345678901234567890"))
                .var("int", 5)
                .var("day", LocalDate.of(2024, 2, 29))
                .var("at", OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC))
                .var("flag", true);
        assertThat(eval("[type(var(n)).__name__ for n in ('dec', 'big', 'int', 'day', 'at', 'flag')]", scope))
                .isEqualTo(List.of("Decimal", "int", "int", "date", "datetime", "bool"));
        assertThat(eval("[var('big') + 1, var('day'), var('at')]", scope)).isEqualTo(List.of(
                new BigInteger("123456789012345678901234567891"), LocalDate.of(2024, 2, 29),
                OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)));
    }

    @Test
    void decimalsAreDecimalsAsWithUpstreamsDatabaseDriver() {
        MapScope scope = new MapScope().var("price", new BigDecimal("12.50")).var("big", new BigDecimal("1E+30"));
        assertThat(eval("p = var('price')\nreturn [repr(p), str(p * 2), str(p + 1), p == 12.5, "
                + "str(p.quantize(__import__('decimal').Decimal('0.1'))), float(p), str(var('big'))]", scope))
                .isEqualTo(List.of("Decimal('12.50')", "25.00", "13.50", true, "12.5", 12.5, "1E+30"));
        assertThat(eval("return var('price')", scope)).isEqualTo(new BigDecimal("12.50"));
        assertThat(eval("return var('price') / 3", scope)).isEqualTo(new BigDecimal("4.166666666666666666666666667"));
        // json.dumps refuses a Decimal, as it does upstream
        assertThatThrownBy(() -> eval("import json\nreturn json.dumps(var('price'))", scope))
                .hasMessageContaining("TypeError: Object of type Decimal is not JSON serializable");
    }

    @Test
    void datesAndTimesAreDatetimeValues() {
        MapScope scope = new MapScope()
                .var("ts", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789))
                .var("sqlts", java.sql.Timestamp.valueOf(LocalDateTime.of(2024, 1, 2, 3, 4)))
                .var("aware", OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(5, 30)))
                .var("zoned", ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris")))
                .var("instant", Instant.parse("2024-01-02T03:04:05Z"))
                .var("day", java.sql.Date.valueOf(LocalDate.of(2024, 2, 29)))
                .var("time", LocalTime.of(13, 14, 15, 16_000));
        assertThat(eval("[repr(var(n)) for n in ('ts', 'sqlts', 'aware', 'zoned', 'instant', 'day', 'time')]", scope))
                .isEqualTo(List.of("datetime.datetime(2024, 1, 2, 3, 4, 5, 123456)",
                        "datetime.datetime(2024, 1, 2, 3, 4)",
                        "datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone(datetime.timedelta(seconds=19800)))",
                        "datetime.datetime(2024, 7, 1, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(seconds=7200)))",
                        "datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)",
                        "datetime.date(2024, 2, 29)",
                        "datetime.time(13, 14, 15, 16)"));
        assertThat(eval("import datetime\nreturn [(var('ts') + datetime.timedelta(days=1)).isoformat(), "
                + "var('day').strftime('%d/%m/%Y'), (var('aware') - var('instant')).total_seconds()]", scope))
                .isEqualTo(List.of("2024-01-03T03:04:05.123456", "29/02/2024", -19800.0));
        assertThat(eval("return [var('ts'), var('aware'), var('day'), var('time')]", scope)).isEqualTo(List.of(
                LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
                OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                LocalDate.of(2024, 2, 29), LocalTime.of(13, 14, 15, 16_000)));
    }

    @Test
    void returnedDecimalsAndDatetimesBecomeJavaValues() {
        assertThat(eval("import decimal, datetime\nreturn [decimal.Decimal('1.10'), decimal.Decimal('-2E+3'), "
                + "decimal.Decimal('NaN'), datetime.datetime(2024, 1, 2, 3, 4, 5, 6), "
                + "datetime.datetime(2024, 1, 2, tzinfo=datetime.timezone(datetime.timedelta(hours=-5, seconds=-1))), "
                + "datetime.date(2024, 1, 2), datetime.time(23, 59), "
                + "datetime.time(1, tzinfo=datetime.timezone.utc)]")).isEqualTo(List.of(
                new BigDecimal("1.10"), new BigDecimal("-2E+3"), "NaN", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000),
                OffsetDateTime.of(2024, 1, 2, 0, 0, 0, 0, ZoneOffset.ofTotalSeconds(-18001)),
                LocalDate.of(2024, 1, 2), LocalTime.of(23, 59), "01:00:00+00:00"));
    }

    @Test
    void returnedValuesArePlainJava() {
        Object out = eval("{'s': 'x', 'i': 3, 'f': 3.0, 'b': False, 'n': None, 't': (1, 2), 'l': [{'k': 1}], "
                + "'big': 2 ** 70, 1: 'int key'}");
        assertThat(out).isInstanceOf(LinkedHashMap.class);
        Map<?, ?> map = (Map<?, ?>) out;
        assertThat(new java.util.ArrayList<Object>(map.keySet())).containsExactly("s", "i", "f", "b", "n", "t", "l", "big", "1");
        assertThat(map.get("s")).isEqualTo("x");
        assertThat(map.get("i")).isEqualTo(3L);
        assertThat(map.get("f")).isEqualTo(3.0d);
        assertThat(map.get("b")).isEqualTo(false);
        assertThat(map.get("n")).isNull();
        assertThat(map.get("t")).isEqualTo(List.of(1L, 2L));
        assertThat(map.get("l")).isEqualTo(List.of(Map.of("k", 1L)));
        assertThat(map.get("big")).isEqualTo(BigInteger.TWO.pow(70));
        assertThat(eval("import decimal\nreturn decimal.Decimal('1.10')")).isEqualTo(new BigDecimal("1.10"));
        assertThat(eval("{3}")).isEqualTo("{3}");
        assertThat(eval("import collections\nd = collections.defaultdict(list)\nd['a'].append(1)\n"
                + "return [d, collections.OrderedDict(b=2)]")).isEqualTo(List.of(Map.of("a", List.of(1L)), Map.of("b", 2L)));
    }

    @Test
    void standardLibraryWorks() {
        assertThat(eval("import hashlib\nreturn hashlib.md5('hello'.encode()).hexdigest()"))
                .isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(eval("import base64, re, math, datetime, urllib.parse\n"
                + "return [base64.b64encode(b'ab').decode(), re.sub(r'\\d', '#', 'a1b2'), math.floor(2.7), "
                + "datetime.date(2024, 1, 31).isoformat(), urllib.parse.quote('a b&c')]"))
                .isEqualTo(List.of("YWI=", "a#b#", 2L, "2024-01-31", "a%20b%26c"));
    }

    @Test
    void bigDictIsHandedOverWhole() {
        Map<String, Object> big = new LinkedHashMap<>();
        for (int i = 0; i < 50_000; i++) {
            big.put("k" + i, List.of(i, "v" + i));
        }
        assertThat(eval("d = var('big')\nreturn [len(d), d['k49999'][1], sum(v[0] for v in d.values())]",
                new MapScope().var("big", big))).isEqualTo(List.of(50_000L, "v49999", 1_249_975_000L));
    }
}
