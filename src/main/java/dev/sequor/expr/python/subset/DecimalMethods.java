package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Set;

/**
 * Methods of {@code decimal.Decimal} in Python's default context (28 digits, ROUND_HALF_EVEN), with _pydecimal's
 * messages (GraalPy's decimal module is _pydecimal). The transcendental methods (exp, ln, log10...) and the
 * context-juggling ones are a clear error.
 */
final class DecimalMethods {

    private static final int PRECISION = 28;
    private static final int EMAX = 999_999;
    private static final int ETINY = -999_999 - PRECISION + 1;

    private static final Set<String> METHODS = Set.of("quantize", "to_integral_value", "to_integral", "to_integral_exact",
            "normalize", "is_nan", "is_snan", "is_qnan", "is_infinite", "is_finite", "is_zero", "is_signed", "is_normal",
            "is_subnormal", "is_canonical", "copy_abs", "copy_negate", "copy_sign", "adjusted", "as_tuple",
            "as_integer_ratio", "sqrt", "scaleb", "compare", "conjugate", "same_quantum", "to_eng_string",
            "__float__", "__int__", "__trunc__", "__floor__", "__ceil__", "__round__");
    private static final Set<String> UNSUPPORTED = Set.of("exp", "ln", "log10", "logb", "fma", "max", "min", "max_mag",
            "min_mag", "next_minus", "next_plus", "next_toward", "remainder_near", "rotate", "shift", "number_class",
            "compare_signal", "compare_total", "compare_total_mag", "canonical", "radix", "logical_and", "logical_or",
            "logical_xor", "logical_invert");

    private DecimalMethods() {
    }

    static Object attr(BigDecimal self, String name) {
        return switch (name) {
            case "real" -> self;
            case "imag" -> BigDecimal.ZERO;
            default -> METHODS.contains(name) || UNSUPPORTED.contains(name) ? new BoundMethod(self, name) : null;
        };
    }

    static Object call(BigDecimal self, String name, Object[] args, Kwargs kwargs) {
        if (UNSUPPORTED.contains(name)) {
            throw new PyExc(PyExcType.NOT_IMPLEMENTED_ERROR, "Decimal." + name + "() is not supported by Sequor's Python evaluator");
        }
        if (!METHODS.contains(name)) {
            return Attrs.NO_METHOD;
        }
        return switch (name) {
            case "quantize" -> {
                Args.onlyKeywords("quantize", kwargs, "exp", "rounding", "context");
                if (args.length == 0 && (kwargs == null || !kwargs.containsKey("exp"))) {
                    throw PyExc.typeError("Decimal.quantize() missing 1 required positional argument: 'exp'");
                }
                Args.count("quantize", args, 0, 3);
                yield quantize(self, convert(Args.named(args, kwargs, 0, "exp", null)),
                        rounding(Args.named(args, kwargs, 1, "rounding", null)));
            }
            case "to_integral_value", "to_integral", "to_integral_exact" -> {
                Args.onlyKeywords(name, kwargs, "rounding", "context");
                Args.count(name, args, 0, 2);
                RoundingMode mode = rounding(Args.named(args, kwargs, 0, "rounding", null));
                yield self.scale() <= 0 ? self : round(self, 0, mode);
            }
            case "normalize" -> {
                noArgs(name, args, kwargs);
                yield normalize(self);
            }
            case "is_nan", "is_snan", "is_qnan", "is_infinite", "is_subnormal" -> {
                Args.positional(name, args, kwargs, 0, 0);
                yield false;
            }
            case "is_finite", "is_canonical" -> {
                Args.positional(name, args, kwargs, 0, 0);
                yield true;
            }
            case "is_zero" -> {
                Args.positional(name, args, kwargs, 0, 0);
                yield self.signum() == 0;
            }
            case "is_normal" -> {
                noArgs(name, args, kwargs);
                yield self.signum() != 0;
            }
            case "is_signed" -> {
                Args.positional(name, args, kwargs, 0, 0);
                yield self.signum() < 0;
            }
            case "copy_abs", "conjugate" -> {
                Args.positional(name, args, kwargs, 0, 0);
                yield "copy_abs".equals(name) ? self.abs() : self;
            }
            case "copy_negate" -> {
                Args.positional(name, args, kwargs, 0, 0);
                yield self.negate();
            }
            case "copy_sign" -> {
                Args.onlyKeywords(name, kwargs, "other", "context");
                BigDecimal other = convert(Args.named(args, kwargs, 0, "other", null));
                yield other.signum() < 0 ? self.abs().negate() : self.abs();
            }
            case "same_quantum" -> {
                Args.onlyKeywords(name, kwargs, "other", "context");
                yield self.scale() == convert(Args.named(args, kwargs, 0, "other", null)).scale();
            }
            case "adjusted" -> {
                Args.positional(name, args, kwargs, 0, 0);
                yield (long) (self.precision() - self.scale() - 1);
            }
            case "as_tuple" -> {
                Args.positional(name, args, kwargs, 0, 0);
                yield asTuple(self);
            }
            case "as_integer_ratio" -> {
                Args.positional(name, args, kwargs, 0, 0);
                yield integerRatio(self);
            }
            case "sqrt" -> {
                noArgs(name, args, kwargs);
                yield sqrt(self);
            }
            case "scaleb" -> {
                Args.onlyKeywords(name, kwargs, "other", "context");
                BigDecimal other = convert(Args.named(args, kwargs, 0, "other", null));
                if (other.stripTrailingZeros().scale() > 0) {
                    throw new PyExc(PyExcType.DECIMAL_INVALID_OPERATION, "Invalid operation in scaleb");
                }
                yield self.scaleByPowerOfTen(other.intValueExact()).round(Arith.DECIMAL_CONTEXT);
            }
            case "compare" -> {
                Args.onlyKeywords(name, kwargs, "other", "context");
                yield BigDecimal.valueOf(self.compareTo(convert(Args.named(args, kwargs, 0, "other", null))));
            }
            case "to_eng_string" -> {
                noArgs(name, args, kwargs);
                yield self.toEngineeringString();
            }
            case "__float__" -> {
                Args.positional(name, args, kwargs, 0, 0);
                yield toFloat(self);
            }
            case "__int__", "__trunc__" -> {
                Args.positional(name, args, kwargs, 0, 0);
                yield toInt(self);
            }
            case "__floor__", "__ceil__" -> {
                Args.positional(name, args, kwargs, 0, 0);
                yield Ints.normalize(self.setScale(0, "__floor__".equals(name) ? RoundingMode.FLOOR : RoundingMode.CEILING)
                        .toBigIntegerExact());
            }
            case "__round__" -> {
                Args.positional(name, args, kwargs, 0, 1);
                yield round(self, args.length == 0 ? null : args[0]);
            }
            default -> Attrs.NO_METHOD;
        };
    }

    private static void noArgs(String name, Object[] args, Kwargs kwargs) {
        Args.onlyKeywords(name, kwargs, "context");
        Args.count(name, args, 0, 1);
    }

    /** {@code float(d)}: through the decimal text, as Python does (correctly rounded). */
    static double toFloat(BigDecimal d) {
        return Double.parseDouble(d.toString());
    }

    /** {@code int(d)}: truncated toward zero. */
    static Object toInt(BigDecimal d) {
        return Ints.normalize(d.toBigInteger());
    }

    /** {@code round(d)} (an int, half-even) and {@code round(d, n)} (a Decimal quantized to 10**-n). */
    static Object round(BigDecimal d, Object ndigits) {
        if (ndigits == null) {
            return Ints.normalize(d.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact());
        }
        if (!Ints.isInt(ndigits)) {
            throw PyExc.typeError("'" + Py.typeName(ndigits) + "' object cannot be interpreted as an integer");
        }
        int n = Args.intArg(ndigits, "");
        return quantize(d, BigDecimal.ONE.scaleByPowerOfTen(-n), RoundingMode.HALF_EVEN);
    }

    /** An operand as a Decimal: Decimal or int; anything else is _pydecimal's TypeError. */
    static BigDecimal convert(Object other) {
        if (other instanceof BigDecimal d) {
            return d;
        }
        if (Ints.isInt(other)) {
            return new BigDecimal(Ints.big(Ints.of(other)));
        }
        throw PyExc.typeError("Unable to convert " + Py.str(other) + " to Decimal");
    }

    /** A rounding argument: one of the ROUND_* strings (None: the context's ROUND_HALF_EVEN). */
    static RoundingMode rounding(Object v) {
        if (v == null) {
            return RoundingMode.HALF_EVEN;
        }
        if (v instanceof String s) {
            switch (s) {
                case "ROUND_DOWN": return RoundingMode.DOWN;
                case "ROUND_HALF_UP": return RoundingMode.HALF_UP;
                case "ROUND_HALF_EVEN": return RoundingMode.HALF_EVEN;
                case "ROUND_CEILING": return RoundingMode.CEILING;
                case "ROUND_FLOOR": return RoundingMode.FLOOR;
                case "ROUND_UP": return RoundingMode.UP;
                case "ROUND_HALF_DOWN": return RoundingMode.HALF_DOWN;
                case "ROUND_05UP": return null;
                default: break;
            }
        }
        throw PyExc.keyError(v);
    }

    /** d rounded to {@code scale} digits after the point; a null mode is ROUND_05UP. */
    static BigDecimal round(BigDecimal d, int scale, RoundingMode mode) {
        if (mode != null) {
            return d.setScale(scale, mode);
        }
        BigDecimal down = d.setScale(scale, RoundingMode.DOWN);
        int lastDigit = down.unscaledValue().abs().mod(BigInteger.TEN).intValue();
        if (down.compareTo(d) != 0 && (lastDigit == 0 || lastDigit == 5)) {
            return d.setScale(scale, RoundingMode.UP);
        }
        return down;
    }

    static BigDecimal quantize(BigDecimal self, BigDecimal exp, RoundingMode mode) {
        int targetExponent = -exp.scale();
        if (targetExponent < ETINY || targetExponent > EMAX) {
            throw new PyExc(PyExcType.DECIMAL_INVALID_OPERATION, "target exponent out of bounds in quantize");
        }
        if (self.signum() == 0) {
            return BigDecimal.ZERO.setScale(exp.scale());
        }
        int adjusted = self.precision() - self.scale() - 1;
        if (adjusted - targetExponent + 1 > PRECISION) {
            throw new PyExc(PyExcType.DECIMAL_INVALID_OPERATION, "quantize result has too many digits for current context");
        }
        BigDecimal result = round(self, exp.scale(), mode);
        if (result.precision() > PRECISION) {
            throw new PyExc(PyExcType.DECIMAL_INVALID_OPERATION, "quantize result has too many digits for current context");
        }
        return result;
    }

    private static BigDecimal normalize(BigDecimal d) {
        if (d.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return d.round(Arith.DECIMAL_CONTEXT).stripTrailingZeros();
    }

    private static PyNamedTuple asTuple(BigDecimal d) {
        String digits = d.unscaledValue().abs().toString();
        Object[] values = new Object[digits.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) (digits.charAt(i) - '0');
        }
        return new PyNamedTuple("DecimalTuple", "DecimalTuple", new String[] {"sign", "digits", "exponent"},
                new Object[] {d.signum() < 0 ? 1L : 0L, new PyTuple(values), (long) -d.scale()});
    }

    private static PyTuple integerRatio(BigDecimal d) {
        BigInteger n = d.unscaledValue();
        BigInteger den = BigInteger.ONE;
        if (d.scale() > 0) {
            den = BigInteger.TEN.pow(d.scale());
        } else {
            n = n.multiply(BigInteger.TEN.pow(-d.scale()));
        }
        BigInteger g = n.gcd(den);
        if (g.signum() != 0) {
            n = n.divide(g);
            den = den.divide(g);
        }
        return PyTuple.of(Ints.normalize(n), Ints.normalize(den));
    }

    /** Correctly rounded to 28 digits; an exact root takes Python's ideal exponent floor(exp / 2). */
    private static BigDecimal sqrt(BigDecimal d) {
        if (d.signum() < 0) {
            throw new PyExc(PyExcType.DECIMAL_INVALID_OPERATION, "sqrt(-x), x > 0");
        }
        int idealScale = -Math.floorDiv(-d.scale(), 2);
        if (d.signum() == 0) {
            return BigDecimal.ZERO.setScale(idealScale);
        }
        BigDecimal root = d.sqrt(new MathContext(PRECISION, RoundingMode.HALF_EVEN));
        if (root.multiply(root).compareTo(d) == 0) {
            BigDecimal exact = root.stripTrailingZeros();
            if (exact.scale() < idealScale && exact.precision() + (idealScale - exact.scale()) <= PRECISION) {
                exact = exact.setScale(idealScale);
            }
            return exact;
        }
        return root;
    }
}
