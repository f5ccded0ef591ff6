package dev.sequor.expr.python.subset;

import java.math.BigDecimal;

/**
 * Python's {@code repr(float)}: the shortest digits that read back as the same double (Java's
 * {@code Double.toString} finds the same digits since JDK 19), laid out as Python does: positional when the
 * decimal exponent is in [-4, 16), else {@code 1e+16} style with at least two exponent digits.
 */
public final class FloatRepr {

    private FloatRepr() {
    }

    /**
     * Python's {@code repr}, except NaN and the infinities, spelled {@code NaN}, {@code Infinity} and
     * {@code -Infinity} as {@code json.dumps} writes them and as every database reads them for its float types.
     */
    public static String reprWithJsonNonFinite(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return repr(d);
    }

    public static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        double abs = Math.abs(d);
        if (abs >= 1e-3 && abs < 1e7) {
            // Java writes this range positionally with the same shortest digits and at least one after the point,
            // as Python does: the common case (prices, scores) skips the BigDecimal below, a twentieth of the CPU
            // of landing records with doubles
            return Double.toString(d);
        }
        BigDecimal shortest = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int decimalPoint = digits.length() - shortest.scale(); // value = 0.DIGITS x 10^decimalPoint
        StringBuilder sb = new StringBuilder(24);
        if (d < 0) {
            sb.append('-');
        }
        if (decimalPoint > -4 && decimalPoint <= 16) {
            if (decimalPoint <= 0) {
                sb.append("0.").append("0".repeat(-decimalPoint)).append(digits);
            } else if (decimalPoint >= digits.length()) {
                sb.append(digits).append("0".repeat(decimalPoint - digits.length())).append(".0");
            } else {
                sb.append(digits, 0, decimalPoint).append('.').append(digits, decimalPoint, digits.length());
            }
            return sb.toString();
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        int exponent = decimalPoint - 1;
        sb.append(exponent < 0 ? "e-" : "e+");
        int exponentDigits = Math.abs(exponent);
        if (exponentDigits < 10) {
            sb.append('0');
        }
        return sb.append(exponentDigits).toString();
    }
}
