package dev.sequor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Text of values in URLs, query parameters and SQL: Python's {@code str()} for scalars. */
class TextsTest {

    @Test
    void floatsAsPythonStr() {
        assertThat(Texts.str(1.5e10)).isEqualTo("15000000000.0");
        assertThat(Texts.str(0.0001)).isEqualTo("0.0001");
        assertThat(Texts.str(0.00001)).isEqualTo("1e-05");
        assertThat(Texts.str(1e16)).isEqualTo("1e+16");
        assertThat(Texts.str(2.0)).isEqualTo("2.0");
        assertThat(Texts.str(Double.NaN)).isEqualTo("nan");
        assertThat(Texts.str(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void otherScalars() {
        assertThat(Texts.str(null)).isEqualTo("None");
        assertThat(Texts.str(true)).isEqualTo("True");
        assertThat(Texts.str(7L)).isEqualTo("7");
        assertThat(Texts.str(new BigDecimal("0.000010"))).isEqualTo("0.000010");
    }
}
