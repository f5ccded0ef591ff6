package dev.sequor.expr.python.subset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Python's repr(float), checked against Python 3's own output and, over random doubles, against the digit layout. */
class FloatReprTest {

    @Test
    void writesWhatPythonWrites() {
        // printed by CPython 3 (repr) for these literals; the smallest subnormals are left out: there CPython keeps one
        // digit (5e-324) and GraalPy, which the evaluator follows (PythonDifferentialTest), Java's two (4.9e-324)
        Map<Double, String> python = Map.ofEntries(
                Map.entry(38.13, "38.13"), Map.entry(0.1, "0.1"), Map.entry(100.0, "100.0"),
                Map.entry(0.001, "0.001"), Map.entry(0.00099, "0.00099"), Map.entry(9999999.999, "9999999.999"),
                Map.entry(10000000.0, "10000000.0"), Map.entry(12345678.9, "12345678.9"), Map.entry(1e+16, "1e+16"),
                Map.entry(1000000000000000.0, "1000000000000000.0"),
                Map.entry(123456789012345.6, "123456789012345.6"), Map.entry(-0.5, "-0.5"),
                Map.entry(-1e-05, "-1e-05"), Map.entry(2.5e-07, "2.5e-07"),
                Map.entry(1.7976931348623157e+308, "1.7976931348623157e+308"), Map.entry(1.5e-323, "1.5e-323"),
                Map.entry(0.30000000000000004, "0.30000000000000004"), Map.entry(1.0 / 3, "0.3333333333333333"),
                Map.entry(-666666.6666666666, "-666666.6666666666"), Map.entry(9999999.0, "9999999.0"),
                Map.entry(1e+22, "1e+22"), Map.entry(123.0, "123.0"), Map.entry(-0.0, "-0.0"),
                Map.entry(Double.NaN, "nan"), Map.entry(Double.NEGATIVE_INFINITY, "-inf"));
        python.forEach((value, text) -> assertThat(FloatRepr.repr(value)).as("%s", value).isEqualTo(text));
    }

    @Test
    void randomDoublesOfEveryMagnitudeKeepTheirDigitsAndPythonsLayout() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double d = switch (i % 3) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(24) - 8);
                default -> Math.round(random.nextDouble() * 1e6) / 100.0;
            };
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
                continue;
            }
            String repr = FloatRepr.repr(d);
            assertThat(Double.parseDouble(repr)).as(repr).isEqualTo(d);
            BigDecimal exact = new BigDecimal(repr);
            int decimalExponent = exact.precision() - exact.scale() - 1;
            boolean positional = decimalExponent >= -4 && decimalExponent < 16;
            assertThat(repr.contains("e")).as("layout of %s", repr).isEqualTo(!positional);
            if (positional) {
                assertThat(repr).as(repr).containsOnlyOnce(".").doesNotEndWith(".");
            }
            // the digits Java's Double.toString finds (shortest since JDK 19), as GraalPy writes them
            assertThat(exact.stripTrailingZeros().unscaledValue().abs())
                    .isEqualTo(new BigDecimal(Double.toString(d)).stripTrailingZeros().unscaledValue().abs());
        }
    }
}
