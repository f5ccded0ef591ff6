package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Attributes and methods of {@code int} (and {@code bool}, which answers as its int) and {@code float}: the
 * properties {@code real imag numerator denominator} and the methods {@code bit_length bit_count conjugate
 * is_integer as_integer_ratio hex}. Decimal's methods belong to the decimal module's implementation, not here:
 * for a Decimal this class answers "no such attribute". {@code int.to_bytes}/{@code from_bytes} are not provided.
 */
final class NumberMethods {

    private NumberMethods() {
    }

    static Object attr(Object self, String name) {
        if (self instanceof BigDecimal d) {
            return DecimalMethods.attr(d, name);
        }
        if (Ints.isInt(self)) {
            Object i = Ints.of(self);
            return switch (name) {
                case "real", "numerator" -> i;
                case "imag" -> 0L;
                case "denominator" -> 1L;
                case "bit_length", "bit_count", "conjugate", "is_integer", "as_integer_ratio" -> new BoundMethod(self, name);
                default -> null;
            };
        }
        if (self instanceof Double d) {
            return switch (name) {
                case "real" -> d;
                case "imag" -> 0.0;
                case "conjugate", "is_integer", "as_integer_ratio", "hex" -> new BoundMethod(self, name);
                default -> null;
            };
        }
        return null;
    }

    static Object call(Object self, String name, Object[] args, Kwargs kwargs) {
        if (self instanceof BigDecimal d) {
            return DecimalMethods.call(d, name, args, kwargs);
        }
        if (Ints.isInt(self)) {
            Object i = Ints.of(self);
            return switch (name) {
                case "bit_length" -> {
                    noArgs("int.bit_length", args, kwargs);
                    yield (long) Ints.big(i).abs().bitLength();
                }
                case "bit_count" -> {
                    noArgs("int.bit_count", args, kwargs);
                    yield (long) Ints.big(i).abs().bitCount();
                }
                case "conjugate" -> {
                    noArgs("int.conjugate", args, kwargs);
                    yield i;
                }
                case "is_integer" -> {
                    noArgs("int.is_integer", args, kwargs);
                    yield true;
                }
                case "as_integer_ratio" -> {
                    noArgs("int.as_integer_ratio", args, kwargs);
                    yield PyTuple.of(i, 1L);
                }
                default -> Attrs.NO_METHOD;
            };
        }
        if (self instanceof Double d) {
            return switch (name) {
                case "conjugate" -> {
                    noArgs("float.conjugate", args, kwargs);
                    yield d;
                }
                case "is_integer" -> {
                    noArgs("float.is_integer", args, kwargs);
                    yield !d.isInfinite() && !d.isNaN() && d == Math.rint(d);
                }
                case "as_integer_ratio" -> {
                    noArgs("float.as_integer_ratio", args, kwargs);
                    yield integerRatio(d);
                }
                case "hex" -> {
                    noArgs("float.hex", args, kwargs);
                    yield hex(d);
                }
                default -> Attrs.NO_METHOD;
            };
        }
        return Attrs.NO_METHOD;
    }

    private static void noArgs(String name, Object[] args, Kwargs kwargs) {
        Arity.unnamed(name, 0, 0).constructor().bind(args, kwargs);
    }

    /** The exact value as numerator/denominator in lowest terms (the denominator is a power of two). */
    private static PyTuple integerRatio(double d) {
        if (Double.isInfinite(d)) {
            throw PyExc.overflow("cannot convert Infinity to integer ratio");
        }
        if (Double.isNaN(d)) {
            throw PyExc.valueError("cannot convert NaN to integer ratio");
        }
        BigDecimal exact = new BigDecimal(d);
        BigInteger num;
        BigInteger den;
        if (exact.scale() <= 0) {
            num = exact.toBigIntegerExact();
            den = BigInteger.ONE;
        } else {
            num = exact.unscaledValue();
            den = BigInteger.TEN.pow(exact.scale());
            BigInteger g = num.gcd(den);
            num = num.divide(g);
            den = den.divide(g);
        }
        return PyTuple.of(Ints.normalize(num), Ints.normalize(den));
    }

    /** {@code float.hex()}: {@code [-]0x1.<13 hex digits>p<exponent>}, subnormals as {@code 0x0.<digits>p-1022}. */
    static String hex(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String sign = (Double.doubleToRawLongBits(d) < 0) ? "-" : "";
        if (d == 0) {
            return sign + "0x0.0p+0";
        }
        long bits = Double.doubleToRawLongBits(d);
        long mantissa = bits & 0x000F_FFFF_FFFF_FFFFL;
        int biased = (int) ((bits >>> 52) & 0x7FF);
        String digits = String.format("%013x", mantissa);
        if (biased == 0) {
            return sign + "0x0." + digits + "p-1022";
        }
        int exp = biased - 1023;
        return sign + "0x1." + digits + "p" + (exp >= 0 ? "+" : "") + exp;
    }
}
