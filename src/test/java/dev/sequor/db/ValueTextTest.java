package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How flow values are rendered for table columns (JSON, not Python reprs). */
class ValueTextTest {

    @Test
    void scalars() {
        assertThat(ValueText.of(null)).isNull();
        assertThat(ValueText.of("x")).isEqualTo("x");
        assertThat(ValueText.of(true)).isEqualTo("true");
        assertThat(ValueText.of(42L)).isEqualTo("42");
        assertThat(ValueText.of(2.5)).isEqualTo("2.5");
        assertThat(ValueText.of(Double.NaN)).isEqualTo("NaN");
        assertThat(ValueText.of(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(ValueText.of(new BigDecimal("0.10"))).isEqualTo("0.10");
        assertThat(ValueText.of(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
        assertThat(ValueText.of(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC))).isEqualTo("2024-01-02T03:04:05Z");
    }

    /** Upstream writes {@code str(v)}: a text column must hold Python's repr of a float, not Java's. */
    @Test
    void floatsAsPythonStr() {
        assertThat(ValueText.of(1.5e10)).isEqualTo("15000000000.0");
        assertThat(ValueText.of(0.0001)).isEqualTo("0.0001");
        assertThat(ValueText.of(0.00001)).isEqualTo("1e-05");
        assertThat(ValueText.of(1e16)).isEqualTo("1e+16");
        assertThat(ValueText.of(3.0)).isEqualTo("3.0");
        assertThat(ValueText.of(-0.1)).isEqualTo("-0.1");
        assertThat(ValueText.of(1.5f)).isEqualTo("1.5");
        assertThat(ValueText.of(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(ValueText.of(new BigDecimal("0.000010"))).isEqualTo("0.000010");
    }

    @Test
    void objectsAndArraysBecomeJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", List.of(1, true));
        m.put("d", LocalDate.of(2024, 1, 1));
        m.put("n", null);
        assertThat(ValueText.of(m)).isEqualTo("{\"a\":[1,true],\"d\":\"2024-01-01\",\"n\":null}");
        assertThat(ValueText.of(Row.of(List.of("x"), List.of("y")))).isEqualTo("{\"x\":\"y\"}");
    }
}
