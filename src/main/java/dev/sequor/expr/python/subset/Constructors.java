package dev.sequor.expr.python.subset;

import java.math.BigDecimal;

/**
 * The constructors of the built-in types ({@code int('12')}, {@code dict(pairs)}, {@code bytes(3)}...), with
 * GraalPy's messages. Decimal and the datetime types are constructed by the decimal and datetime implementation.
 */
final class Constructors {

    private Constructors() {
    }

    private static final Arity INT = Arity.of("int", "x", "base").required(0).positionalOnly(1).constructor();
    private static final Arity FLOAT = Arity.unnamed("float", 0, 1).constructor();
    private static final Arity STR = Arity.of("str", "object", "encoding", "errors").required(0).constructor();
    private static final Arity BOOL = Arity.unnamed("bool", 0, 1).constructor();
    private static final Arity LIST = Arity.unnamed("list", 0, 1).constructor();
    private static final Arity TUPLE = Arity.unnamed("tuple", 0, 1).constructor();
    private static final Arity SET = Arity.unnamed("set", 0, 1).constructor();
    private static final Arity BYTES = Arity.of("bytes", "source", "encoding", "errors").required(0).constructor();

    /** {@code int(x=0)} / {@code int(text, base=10)}. */
    static Object toInt(Object[] args, Kwargs kwargs) {
        Object[] a = INT.bind(args, kwargs);
        Object x = a[0];
        if (a[1] != Arity.MISSING) {
            if (x == Arity.MISSING) {
                throw PyExc.typeError("int() missing string argument");
            }
            Object b = NumberBuiltins.index(a[1]);
            if (!(b instanceof Long base) || base != 0 && (base < 2 || base > 36)) {
                throw PyExc.valueError("int() base must be >= 2 and <= 36, or 0");
            }
            if (!(x instanceof String) && !(x instanceof PyBytes)) {
                throw PyExc.typeError("int() can't convert non-string with explicit base");
            }
            return intFromText(x, (int) (long) base);
        }
        if (x == Arity.MISSING) {
            return 0L;
        }
        if (Ints.isInt(x)) {
            return Ints.of(x);
        }
        if (x instanceof Double d) {
            return truncate(d);
        }
        if (x instanceof BigDecimal d) {
            return Ints.normalize(d.toBigInteger());
        }
        if (x instanceof String || x instanceof PyBytes) {
            return intFromText(x, 10);
        }
        throw PyExc.typeError("int() argument must be a string, a bytes-like object or a number, not " + Py.typeName(x));
    }

    private static Object intFromText(Object x, int base) {
        String text = x instanceof PyBytes b ? new String(b.bytes, java.nio.charset.StandardCharsets.ISO_8859_1) : (String) x;
        Object v = NumberParsing.parseInt(text, base);
        if (v == null) {
            throw PyExc.valueError("invalid literal for int() with base " + base + ": " + Py.repr(x));
        }
        return v;
    }

    /** {@code int(float)}: toward zero. */
    static Object truncate(double d) {
        if (Double.isNaN(d)) {
            throw PyExc.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw PyExc.overflow("cannot convert float infinity to integer");
        }
        return Rounding.fromDouble(d < 0 ? Math.ceil(d) : Math.floor(d));
    }

    static Object toBool(Object[] args, Kwargs kwargs) {
        Object[] a = BOOL.bind(args, kwargs);
        return a[0] != Arity.MISSING && Py.truthy(a[0]);
    }

    static Object toFloat(Object[] args, Kwargs kwargs) {
        Object x = FLOAT.bind(args, kwargs)[0];
        if (x == Arity.MISSING) {
            return 0.0;
        }
        if (x instanceof Double) {
            return x;
        }
        if (Ints.isInt(x)) {
            return Ints.toDouble(Ints.of(x));
        }
        if (x instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (x instanceof String || x instanceof PyBytes) {
            String text = x instanceof PyBytes b ? new String(b.bytes, java.nio.charset.StandardCharsets.ISO_8859_1) : (String) x;
            Double v = NumberParsing.parseFloat(text);
            if (v == null) {
                throw PyExc.valueError("could not convert string to float: " + Py.repr(x));
            }
            return v;
        }
        throw PyExc.typeError("float() argument must be a string or a number, not '" + Py.typeName(x) + "'");
    }

    /** {@code str(object='')} / {@code str(bytes, encoding='utf-8', errors='strict')} (decoding is bytes.decode). */
    static Object toStr(Object[] args, Kwargs kwargs) {
        Object[] a = STR.bind(args, kwargs);
        Object x = a[0];
        if (a[1] == Arity.MISSING && a[2] == Arity.MISSING) {
            return x == Arity.MISSING ? "" : Py.str(x);
        }
        if (x == Arity.MISSING) {
            return "";
        }
        if (!(x instanceof PyBytes)) {
            throw PyExc.typeError("decoding to str: need a bytes-like object, " + Py.typeName(x) + " found");
        }
        Object encoding = a[1] == Arity.MISSING ? "utf-8" : a[1];
        Object[] decodeArgs = a[2] == Arity.MISSING ? new Object[] {encoding} : new Object[] {encoding, a[2]};
        return Attrs.callMethod(x, "decode", decodeArgs, null);
    }

    static Object toList(Object[] args, Kwargs kwargs) {
        Object x = LIST.bind(args, kwargs)[0];
        return x == Arity.MISSING ? new PyList() : new PyList(Items.toList(x));
    }

    static Object toTuple(Object[] args, Kwargs kwargs) {
        Object x = TUPLE.bind(args, kwargs)[0];
        if (x == Arity.MISSING) {
            return PyTuple.EMPTY;
        }
        return x instanceof PyTuple ? x : new PyTuple(Items.toList(x).toArray());
    }

    /** {@code dict(mapping_or_pairs, **kwargs)}. */
    static Object toDict(Object[] args, Kwargs kwargs) {
        if (args.length > 1) {
            throw PyExc.typeError("dict expected at most 1 arguments, got " + args.length);
        }
        PyDict out = new PyDict();
        if (args.length == 1) {
            DictMethods.update(out, args[0]);
        }
        if (kwargs != null) {
            kwargs.forEach(out::put);
        }
        return out;
    }

    static Object toSet(Object[] args, Kwargs kwargs) {
        Object x = SET.bind(args, kwargs)[0];
        PySet out = new PySet();
        if (x != Arity.MISSING) {
            for (Object v : Items.iterate(x)) {
                out.add(v);
            }
        }
        return out;
    }

    /** {@code bytes()}, {@code bytes(n)}, {@code bytes(iterable_of_ints)}, {@code bytes(text, encoding[, errors])}. */
    static Object toBytes(Object[] args, Kwargs kwargs) {
        Object[] a = BYTES.bind(args, kwargs);
        Object x = a[0];
        boolean encoded = a[1] != Arity.MISSING || a[2] != Arity.MISSING;
        if (x instanceof String) {
            if (a[1] == Arity.MISSING) {
                throw PyExc.typeError("string argument without an encoding");
            }
            Object[] encodeArgs = a[2] == Arity.MISSING ? new Object[] {a[1]} : new Object[] {a[1], a[2]};
            return Attrs.callMethod(x, "encode", encodeArgs, null);
        }
        if (encoded) {
            throw PyExc.typeError("errors without a string argument"); // GraalPy's message, even for an encoding
        }
        if (x == Arity.MISSING) {
            return new PyBytes(new byte[0]);
        }
        if (x instanceof PyBytes) {
            return x;
        }
        if (Ints.isInt(x)) {
            Object n = Ints.of(x);
            if (Ints.compare(n, 0L) < 0) {
                throw PyExc.valueError("negative count");
            }
            if (!(n instanceof Long count) || count > Integer.MAX_VALUE - 8) {
                throw PyExc.overflow("cannot fit 'int' into an index-sized integer");
            }
            return new PyBytes(new byte[(int) (long) count]);
        }
        if (!(x instanceof PyList || x instanceof PyTuple || x instanceof Items.PyIterable || x instanceof PySet
                || x instanceof PyDict)) {
            throw PyExc.typeError("cannot convert '" + Py.typeName(x) + "' object to bytes");
        }
        java.util.List<Object> values = Items.toList(x);
        byte[] out = new byte[values.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = values.get(i);
            if (!Ints.isInt(v)) {
                throw PyExc.typeError("cannot convert '" + Py.typeName(x) + "' object to bytes"); // sic: GraalPy names the container
            }
            Object b = Ints.of(v);
            if (!(b instanceof Long l) || l < 0 || l > 255) {
                throw PyExc.valueError("byte must be in range(0, 256)");
            }
            out[i] = (byte) (long) l;
        }
        return new PyBytes(out);
    }

    /** {@code type(x)}; the three-argument form makes a class, which snippets in the Java evaluator cannot do. */
    static Object type(Object[] args, Kwargs kwargs) {
        if (args.length == 1 && (kwargs == null || kwargs.isEmpty())) {
            return PyTypes.of(args[0]);
        }
        if (args.length == 3) {
            if (!(args[0] instanceof String)) {
                throw PyExc.typeError("type() argument 1 must be strings, not " + Py.typeName(args[0]));
            }
            throw PyExc.typeError("type() with 3 arguments (making a class) is not supported by the Java evaluator");
        }
        throw PyExc.typeError("type() takes 1 or 3 arguments");
    }

    static Object toDecimal(Object[] args, Kwargs kwargs) {
        return DecimalConstructor.toDecimal(args, kwargs);
    }

    static Object toDate(Object[] args, Kwargs kwargs) {
        return TemporalConstructors.toDate(args, kwargs);
    }

    static Object toDatetime(Object[] args, Kwargs kwargs) {
        return TemporalConstructors.toDatetime(args, kwargs);
    }

    static Object toTime(Object[] args, Kwargs kwargs) {
        return TemporalConstructors.toTime(args, kwargs);
    }
}
