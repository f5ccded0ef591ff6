package dev.sequor.db;

import static dev.sequor.db.InferredKind.BIGINT;
import static dev.sequor.db.InferredKind.BOOLEAN;
import static dev.sequor.db.InferredKind.DATE;
import static dev.sequor.db.InferredKind.DECIMAL;
import static dev.sequor.db.InferredKind.DOUBLE;
import static dev.sequor.db.InferredKind.JSON;
import static dev.sequor.db.InferredKind.NONE;
import static dev.sequor.db.InferredKind.TEXT;
import static dev.sequor.db.InferredKind.TIMESTAMPTZ;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kind of each value and how kinds widen, at the edges. */
class InferredKindTest {

    @Test
    void integersByTheirSize() {
        assertThat(InferredKind.of(7)).isEqualTo(BIGINT);
        assertThat(InferredKind.of(Long.MIN_VALUE)).isEqualTo(BIGINT);
        assertThat(InferredKind.of(BigInteger.valueOf(Long.MAX_VALUE))).isEqualTo(BIGINT);
        assertThat(InferredKind.of(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE))).isEqualTo(DECIMAL);
        assertThat(InferredKind.of(new BigInteger("9".repeat(38)))).isEqualTo(DECIMAL);
        assertThat(InferredKind.of(new BigInteger("9".repeat(39)))).isEqualTo(TEXT);
        assertThat(InferredKind.of(new BigDecimal("12.50"))).isEqualTo(DOUBLE);
        assertThat(InferredKind.of(new BigDecimal("12.00"))).isEqualTo(DOUBLE);
        assertThat(InferredKind.of(new BigDecimal("1E+3"))).isEqualTo(BIGINT);
    }

    @Test
    void stringsThatAreDatesAndTimestamps() {
        assertThat(InferredKind.of("2024-05-01")).isEqualTo(DATE);
        assertThat(InferredKind.of("2024-02-30")).isEqualTo(TEXT);
        assertThat(InferredKind.of("2024-05-01T10:00:00+02:00")).isEqualTo(TIMESTAMPTZ);
        assertThat(InferredKind.of("2024-05-01 10:00:00.123456Z")).isEqualTo(TIMESTAMPTZ);
        assertThat(InferredKind.of("2024-05-01T10:00Z")).isEqualTo(TIMESTAMPTZ);
        // no offset: a local time, ambiguous, stays text
        assertThat(InferredKind.of("2024-05-01T10:00:00")).isEqualTo(TEXT);
        assertThat(InferredKind.of("2024-05-01T25:00:00Z")).isEqualTo(TEXT);
        assertThat(InferredKind.of("")).isEqualTo(TEXT);
        assertThat(InferredKind.of("ünï 😀")).isEqualTo(TEXT);
    }

    @Test
    void otherValues() {
        assertThat(InferredKind.of(null)).isEqualTo(NONE);
        assertThat(InferredKind.of(true)).isEqualTo(BOOLEAN);
        assertThat(InferredKind.of(1.5e300)).isEqualTo(DOUBLE);
        assertThat(InferredKind.of(Double.NaN)).isEqualTo(DOUBLE);
        assertThat(InferredKind.of(Map.of("a", 1))).isEqualTo(JSON);
        assertThat(InferredKind.of(List.of())).isEqualTo(JSON);
    }

    @Test
    void wideningGoesUpTheNumbersElseToText() {
        assertThat(BIGINT.widen(DECIMAL)).isEqualTo(DECIMAL);
        assertThat(DECIMAL.widen(BIGINT)).isEqualTo(DECIMAL);
        assertThat(BIGINT.widen(DOUBLE)).isEqualTo(DOUBLE);
        assertThat(DOUBLE.widen(DECIMAL)).isEqualTo(DOUBLE);
        assertThat(NONE.widen(DATE)).isEqualTo(DATE);
        assertThat(DATE.widen(NONE)).isEqualTo(DATE);
        assertThat(DATE.widen(TIMESTAMPTZ)).isEqualTo(TEXT);
        assertThat(JSON.widen(TEXT)).isEqualTo(TEXT);
        assertThat(BOOLEAN.widen(BIGINT)).isEqualTo(TEXT);
        assertThat(TEXT.holds(JSON)).isTrue();
        assertThat(BIGINT.holds(DOUBLE)).isFalse();
    }

    @Test
    void existingColumnTypesAsTheDatabasesReportThem() {
        assertThat(InferredKind.ofSqlType("integer")).isEqualTo(BIGINT);
        assertThat(InferredKind.ofSqlType("DECIMAL(38,0)")).isEqualTo(DECIMAL);
        assertThat(InferredKind.ofSqlType("double precision")).isEqualTo(DOUBLE);
        assertThat(InferredKind.ofSqlType("TIMESTAMP WITH TIME ZONE")).isEqualTo(TIMESTAMPTZ);
        assertThat(InferredKind.ofSqlType("character varying")).isEqualTo(TEXT);
        assertThat(InferredKind.ofSqlType("jsonb")).isEqualTo(JSON);
        assertThat(InferredKind.ofSqlType("timestamp without time zone")).isNull();
        assertThat(InferredKind.ofSqlType("INTEGER[]")).isNull();
    }
}
