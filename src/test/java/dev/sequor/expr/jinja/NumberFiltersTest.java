package dev.sequor.expr.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jinja2's {@code int}, {@code float} and {@code sum} filters; every expected text is Jinja2 3.1.6's. */
class NumberFiltersTest {

    final Templates templates = Templates.shared();
    final MapScope scope = new MapScope();

    String render(String text) {
        return templates.render(templates.compile(text, TemplatesTest.POS), scope, TemplatesTest.LIMIT);
    }

    @Test
    void floatIsPythonsFloat() {
        assertThat(render("{{ '3.7'|float }} {{ '123456789.123'|float }} {{ 12345678901234567|float }}")).isEqualTo("3.7 123456789.123 1.2345678901234568e+16");
        assertThat(render("{{ '1e3'|float }} {{ ' 7 '|float }} {{ '1_0.5'|float }} {{ 'inf'|float }} {{ '-nan'|float }} {{ true|float }}")).isEqualTo("1000.0 7.0 10.5 inf nan 1.0");
        assertThat(render("{{ 'x'|float }} {{ 'x'|float(1.5) }} {{ none|float(default=-1.0) }} {{ '0x10'|float }} {{ '1.5d'|float }}")).isEqualTo("0.0 1.5 -1.0 0.0 0.0");
        // a Decimal from a database row, and Java's own number types
        scope.var("d", new BigDecimal("1.10")).var("i", 7).var("f", 2.5f);
        assertThat(render("{{ var('d')|float }} {{ var('i')|float }} {{ var('f')|float }}")).isEqualTo("1.1 7.0 2.5");
    }

    @Test
    void intIsJinja2sInt() {
        assertThat(render("{{ '0x1A'|int(0, 16) }} {{ '12'|int(base=8) }} {{ '0b101'|int(base=0) }} {{ 'ff'|int(0, 16) }} {{ '0o17'|int(0, 8) }}")).isEqualTo("26 10 5 255 15");
        assertThat(render("{{ true|int }} {{ '+12'|int }} {{ '1_000'|int }} {{ ' 42 '|int }} {{ '42.23'|int }} {{ '1e3'|int }} {{ -3.9|int }}")).isEqualTo("1 12 1000 42 42 1000 -3");
        assertThat(render("{{ '1,000'|int }} {{ 'x'|int(7) }} {{ none|int }} {{ 'inf'|int }} {{ 'nan'|int(default=-1) }} {{ '012'|int(base=0) }}")).isEqualTo("0 7 0 0 -1 12");
        assertThat(render("{{ 1e20|int }} {{ '99999999999999999999999'|int }}")).isEqualTo("100000000000000000000 99999999999999999999999");
        scope.var("d", new BigDecimal("-12.99")).var("big", new BigInteger("123456789012345678901234"));
        assertThat(render("{{ var('d')|int }} {{ var('big')|int }}")).isEqualTo("-12 123456789012345678901234");
    }

    @Test
    void sumIsPythonsSum() {
        assertThat(render("{{ [1.0, 2]|sum }} {{ [0.1, 0.2]|sum }} {{ [1, 2]|sum(start=10) }} {{ [1, 2]|sum }} {{ []|sum }} {{ [true, 2]|sum }}")).isEqualTo("3.0 0.30000000000000004 13 3 0 3");
        assertThat(render("{{ [{'a': 1}, {'a': 2.5}]|sum(attribute='a') }} {{ [{'a': 1}, {'a': 2}]|sum('a', 5) }} {{ [[1], [2]]|sum(start=[]) }}")).isEqualTo("3.5 8 [1, 2]");
        assertThat(render("{{ [9223372036854775807, 1]|sum }}")).isEqualTo("9223372036854775808");
        scope.var("prices", List.of(new BigDecimal("1.10"), 2L));
        assertThat(render("{{ var('prices')|sum }}")).isEqualTo("3.10");
    }
}
