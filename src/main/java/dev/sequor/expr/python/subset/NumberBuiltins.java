package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;

/** The numeric builtins: {@code abs}, {@code divmod}, {@code pow}, {@code bin}, {@code oct}, {@code hex}, {@code chr}, {@code ord}. */
final class NumberBuiltins {

    private static final Arity ABS = Arity.of("abs", "x").positionalOnly(1);
    private static final Arity DIVMOD = Arity.unnamed("divmod", 2, 2);
    private static final Arity POW = Arity.of("pow", "base", "exp", "mod").required(2);
    private static final Arity CHR = Arity.of("chr", "i").positionalOnly(1);
    private static final Arity ORD = Arity.unnamed("ord", 1, 1);

    private NumberBuiltins() {
    }

    static Object abs(Object[] args, Kwargs kwargs) {
        Object x = ABS.bind(args, kwargs)[0];
        if (Ints.isInt(x)) {
            Object i = Ints.of(x);
            return Ints.compare(i, 0L) < 0 ? Ints.neg(i) : i;
        }
        if (x instanceof Double d) {
            return Math.abs(d);
        }
        if (x instanceof BigDecimal d) {
            return d.abs(Arith.DECIMAL_CONTEXT);
        }
        if (x instanceof PyTimedelta) {
            return TimedeltaArith.abs(x);
        }
        throw PyExc.typeError("bad operand type for abs(): '" + Py.typeName(x) + "'");
    }

    static Object divmod(Object[] args, Kwargs kwargs) {
        Object[] a = DIVMOD.bind(args, kwargs);
        Object x = a[0];
        Object y = a[1];
        if (Ints.isInt(x) && Ints.isInt(y)) {
            BigInteger[] qr = Ints.divmod(Ints.big(Ints.of(x)), Ints.big(Ints.of(y)));
            return PyTuple.of(Ints.normalize(qr[0]), Ints.normalize(qr[1]));
        }
        if ((x instanceof Double || Ints.isInt(x)) && (y instanceof Double || Ints.isInt(y))) {
            double[] qr = Arith.floatDivmod(Arith.toDouble(x), Arith.toDouble(y), "float divmod()");
            return PyTuple.of(qr[0], qr[1]);
        }
        if ((x instanceof BigDecimal || Ints.isInt(x)) && (y instanceof BigDecimal || Ints.isInt(y))) {
            return PyTuple.of(Arith.floorDiv(x, y), Arith.mod(x, y));
        }
        throw PyExc.typeError("unsupported operand type(s) for divmod(): '" + Py.typeName(x) + "' and '"
                + Py.typeName(y) + "'");
    }

    static Object pow(Object[] args, Kwargs kwargs) {
        Object[] a = POW.bind(args, kwargs);
        if (a[2] == Arity.MISSING || a[2] == null) {
            return Arith.pow(a[0], a[1]);
        }
        Object base = a[0];
        Object exp = a[1];
        Object mod = a[2];
        if (!Ints.isInt(base) || !Ints.isInt(exp) || !Ints.isInt(mod)) {
            throw PyExc.typeError("pow() 3rd argument not allowed unless all arguments are integers");
        }
        BigInteger m = Ints.big(Ints.of(mod));
        if (m.signum() == 0) {
            throw PyExc.valueError("pow() 3rd argument cannot be 0");
        }
        BigInteger b = Ints.big(Ints.of(base));
        BigInteger e = Ints.big(Ints.of(exp));
        BigInteger abs = m.abs();
        BigInteger r;
        if (e.signum() < 0) {
            try {
                r = b.modInverse(abs).modPow(e.negate(), abs);
            } catch (ArithmeticException notInvertible) {
                throw PyExc.valueError("base is not invertible for the given modulus");
            }
        } else {
            r = b.modPow(e, abs);
        }
        if (m.signum() < 0 && r.signum() != 0) {
            r = r.add(m); // Python's result takes the modulus's sign
        }
        return Ints.normalize(r);
    }

    static Object bin(Object[] args, Kwargs kwargs) {
        return radix("bin", args, kwargs, 2, "0b");
    }

    static Object oct(Object[] args, Kwargs kwargs) {
        return radix("oct", args, kwargs, 8, "0o");
    }

    static Object hex(Object[] args, Kwargs kwargs) {
        return radix("hex", args, kwargs, 16, "0x");
    }

    private static Object radix(String name, Object[] args, Kwargs kwargs, int radix, String prefix) {
        Object x = Arity.unnamed(name, 1, 1).bind(args, kwargs)[0];
        Object i = index(x);
        BigInteger v = Ints.big(i);
        String digits = v.abs().toString(radix);
        return (v.signum() < 0 ? "-" : "") + prefix + digits;
    }

    /** An int argument (bool counts), or GraalPy's TypeError. */
    static Object index(Object x) {
        if (!Ints.isInt(x)) {
            throw PyExc.typeError("'" + Py.typeName(x) + "' object cannot be interpreted as an integer");
        }
        return Ints.of(x);
    }

    static Object chr(Object[] args, Kwargs kwargs) {
        Object i = index(CHR.bind(args, kwargs)[0]);
        if (!(i instanceof Long l) || l < 0 || l > 0x10FFFF) {
            if (!(i instanceof Long n) || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                throw PyExc.overflow("Python int too large to convert to Java int"); // GraalPy's text
            }
            throw PyExc.valueError("chr() arg not in range(0x110000)");
        }
        return new String(Character.toChars((int) (long) l));
    }

    static Object ord(Object[] args, Kwargs kwargs) {
        Object x = ORD.bind(args, kwargs)[0];
        if (x instanceof String s) {
            int n = Strs.len(s);
            if (n != 1) {
                throw PyExc.typeError("ord() expected a character, but string of length " + n + " found");
            }
            return (long) s.codePointAt(0);
        }
        if (x instanceof PyBytes b) {
            if (b.bytes.length != 1) {
                throw PyExc.typeError("ord() expected a character, but string of length " + b.bytes.length + " found");
            }
            return (long) (b.bytes[0] & 0xFF);
        }
        // GraalPy 25.2 formats the type of its own message argument here, whatever x is
        throw PyExc.typeError("ord() expected string of length 1, but ForeignString found");
    }
}
