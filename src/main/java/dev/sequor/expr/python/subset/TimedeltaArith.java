package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Operators between timedeltas and numbers, as Python's datetime module defines them: products and quotients are
 * computed exactly on microseconds and rounded half-even; {@code td / td} is a float, {@code td // td} an int.
 * Each method answers null when the operands are not its business, so {@link Arith} raises its usual TypeError.
 */
final class TimedeltaArith {

    private TimedeltaArith() {
    }

    static Object add(Object a, Object b) {
        if (a instanceof PyTimedelta x && b instanceof PyTimedelta y) {
            return PyTimedelta.ofMicros(x.totalMicros().add(y.totalMicros()));
        }
        return null;
    }

    static Object subtract(Object a, Object b) {
        if (a instanceof PyTimedelta x && b instanceof PyTimedelta y) {
            return PyTimedelta.ofMicros(x.totalMicros().subtract(y.totalMicros()));
        }
        return null;
    }

    static Object multiply(Object a, Object b) {
        if (b instanceof PyTimedelta && !(a instanceof PyTimedelta)) {
            return multiply(b, a);
        }
        if (!(a instanceof PyTimedelta td)) {
            return null;
        }
        if (Ints.isInt(b)) {
            return PyTimedelta.ofMicros(td.totalMicros().multiply(Ints.big(Ints.of(b))));
        }
        if (b instanceof Double d) {
            return PyTimedelta.ofMicros(new BigDecimal(td.totalMicros()).multiply(exact(d)));
        }
        return null;
    }

    static Object divide(Object a, Object b) {
        if (!(a instanceof PyTimedelta td)) {
            return null;
        }
        if (b instanceof PyTimedelta other) {
            if (other.isZero()) {
                throw PyExc.zeroDivision("division by zero");
            }
            return Arith.div(Ints.normalize(td.totalMicros()), Ints.normalize(other.totalMicros()));
        }
        if (Ints.isInt(b)) {
            BigInteger divisor = Ints.big(Ints.of(b));
            if (divisor.signum() == 0) {
                throw PyExc.zeroDivision("integer division or modulo by zero");
            }
            return PyTimedelta.ofMicros(new BigDecimal(td.totalMicros()).divide(new BigDecimal(divisor), 0, RoundingMode.HALF_EVEN));
        }
        if (b instanceof Double d) {
            if (d == 0) {
                throw PyExc.zeroDivision("integer division or modulo by zero"); // CPython's text too
            }
            BigDecimal q = new BigDecimal(td.totalMicros()).divide(exact(d), 0, RoundingMode.HALF_EVEN);
            return PyTimedelta.ofMicros(q);
        }
        return null;
    }

    static Object floorDivide(Object a, Object b) {
        if (!(a instanceof PyTimedelta td)) {
            return null;
        }
        if (b instanceof PyTimedelta other) {
            if (other.isZero()) {
                throw PyExc.zeroDivision("integer division or modulo by zero");
            }
            return Ints.normalize(Ints.divmod(td.totalMicros(), other.totalMicros())[0]);
        }
        if (Ints.isInt(b)) {
            return PyTimedelta.ofMicros(Ints.divmod(td.totalMicros(), Ints.big(Ints.of(b)))[0]);
        }
        return null;
    }

    static Object modulo(Object a, Object b) {
        if (a instanceof PyTimedelta td && b instanceof PyTimedelta other) {
            if (other.isZero()) {
                throw PyExc.zeroDivision("integer modulo by zero");
            }
            return PyTimedelta.ofMicros(Ints.divmod(td.totalMicros(), other.totalMicros())[1]);
        }
        return null;
    }

    static Object negate(Object a) {
        return a instanceof PyTimedelta td ? PyTimedelta.ofMicros(td.totalMicros().negate()) : null;
    }

    /** {@code abs(td)}. */
    static Object abs(Object a) {
        return a instanceof PyTimedelta td ? (td.days < 0 ? negate(td) : td) : null;
    }

    /** A float's exact value; infinities and NaN cannot scale a timedelta. */
    private static BigDecimal exact(double d) {
        if (Double.isNaN(d)) {
            throw PyExc.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw PyExc.overflow("cannot convert float infinity to integer");
        }
        return new BigDecimal(d);
    }
}
