package dev.sequor.expr.python.subset;

import java.math.BigDecimal;

/** Python's {@code decimal.Decimal} on BigDecimal: text forms here; arithmetic in {@link Arith}. */
final class Decimals {

    private Decimals() {
    }

    /**
     * {@code str(Decimal)}: the General Decimal Arithmetic "to-scientific-string", which is exactly what
     * {@link BigDecimal#toString()} implements (positional unless the exponent is positive or the adjusted
     * exponent is below -6).
     */
    static String str(BigDecimal d) {
        return d.toString();
    }

    /** Decimal division in the default context; an exact quotient keeps the ideal exponent, as Python's does. */
    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        BigDecimal q = a.divide(b, Arith.DECIMAL_CONTEXT);
        int ideal = a.scale() - b.scale();
        if (q.scale() > ideal) {
            try {
                BigDecimal exact = q.setScale(Math.max(ideal, q.stripTrailingZeros().scale()), java.math.RoundingMode.UNNECESSARY);
                if (exact.multiply(b).compareTo(a) == 0) {
                    return exact;
                }
            } catch (ArithmeticException inexact) {
                // keep the rounded quotient
            }
        }
        return q;
    }

    /** {@code Decimal ** Decimal} for integral exponents (the only ones flows use). */
    static BigDecimal pow(BigDecimal a, BigDecimal b) {
        try {
            int n = b.intValueExact();
            return n >= 0 ? a.pow(n, Arith.DECIMAL_CONTEXT) : BigDecimal.ONE.divide(a.pow(-n, Arith.DECIMAL_CONTEXT), Arith.DECIMAL_CONTEXT);
        } catch (ArithmeticException fractional) {
            if (b.compareTo(new BigDecimal("0.5")) == 0 && a.signum() >= 0) {
                return a.sqrt(Arith.DECIMAL_CONTEXT);
            }
            // through a double it would be right to 16 digits of 28: refuse rather than answer inexactly
            throw new PyExc(PyExcType.NOT_IMPLEMENTED_ERROR, "Decimal ** with a fractional exponent other than 0.5 "
                    + "is not available in Sequor's Java evaluator; convert to float first");
        }
    }
}
