package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * printf-style {@code fmt % args}, following GraalPy's FormatProcessor for the conversions and CPython's
 * unicode_format for the arguments: a tuple supplies them in order, anything else is the single argument; a
 * mapping (dict, list, bytes, Sequor's rows) also supplies {@code %(key)s} fields, each key's value then being the
 * single argument (and a mapping is never "not all converted"). Conversions: s r a c d i u o x X e E f F g G and %%.
 *
 * <p>{@code bytes % args} runs here too, on the bytes read as Latin-1 (one char per byte) and written back so:
 * {@code %s} and {@code %b} take bytes, {@code %r} and {@code %a} are {@code ascii()}, {@code %c} takes an int below
 * 256 or one byte, {@code %(key)} looks up a bytes key, and a bytes argument is never a mapping.
 */
final class PercentFormat {

    private final String fmt;
    /**
     * CPython's formatter state: the arguments still being read ({@code args}, then the value of each {@code %(key)}),
     * their count (-1 for a single value) and the next index (-2 for an unread single value, -1 once it is read).
     */
    private Object current;
    private int argLength;
    private int argIndex;
    /** The mapping {@code %(key)} reads, or null when the argument is none (a tuple, a str, a number...). */
    private final Object mapping;
    private int index;
    /** Formatting bytes (the text is their Latin-1 reading) rather than a str. */
    private final boolean bytes;

    PercentFormat(String fmt, Object args) {
        this(fmt, args, false);
    }

    private PercentFormat(String fmt, Object args, boolean bytes) {
        this.fmt = fmt;
        this.bytes = bytes;
        this.current = args;
        if (args instanceof PyTuple t) {
            argLength = t.size();
            argIndex = 0;
        } else {
            argLength = -1;
            argIndex = -2;
        }
        this.mapping = !(args instanceof PyTuple) && !(bytes && args instanceof PyBytes) && isMapping(args) ? args : null;
    }

    /** {@code fmt % args} for bytes. */
    static PyBytes formatBytes(PyBytes fmt, Object args) {
        String text = new String(fmt.bytes, StandardCharsets.ISO_8859_1);
        return new PyBytes(new PercentFormat(text, args, true).format().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** What CPython's PyMapping_Check accepts among our values: anything subscriptable but tuples and strings. */
    private static boolean isMapping(Object v) {
        return v instanceof PyDict || v instanceof PyList || v instanceof PyBytes || v instanceof Items.Subscriptable;
    }

    String format() {
        StringBuilder out = new StringBuilder(fmt.length() + 16);
        while (index < fmt.length()) {
            char c = pop();
            if (c != '%') {
                out.append(c);
                continue;
            }
            c = pop();
            if (c == '%') {
                out.append('%');
                continue;
            }
            if (c == '(') {
                if (mapping == null) {
                    throw PyExc.typeError("format requires a mapping");
                }
                int depth = 1;
                int keyStart = index;
                while (depth > 0) {
                    c = pop();
                    if (c == ')') {
                        depth--;
                    } else if (c == '(') {
                        depth++;
                    }
                }
                // as CPython: the key's value is the single argument of this field and of any later unkeyed one,
                // so '%(a)s %s' % {'a': 1} has not enough arguments (GraalPy reuses the value: '1 1')
                String key = fmt.substring(keyStart, index - 1);
                current = Items.getItem(mapping, bytes ? new PyBytes(key.getBytes(StandardCharsets.ISO_8859_1)) : key);
                argLength = -1;
                argIndex = -2;
            } else {
                index--;
            }
            out.append(field());
        }
        if (argIndex < argLength && mapping == null) {
            throw PyExc.typeError("not all arguments converted during " + (bytes ? "bytes" : "string") + " formatting");
        }
        return out.toString();
    }

    private char pop() {
        if (index >= fmt.length()) {
            index++;
            throw PyExc.valueError("incomplete format");
        }
        return fmt.charAt(index++);
    }

    /** CPython's getnextarg: the tuple's next item, or the single value once. */
    private Object arg() {
        if (argIndex < argLength) {
            int i = argIndex++;
            return argLength < 0 ? current : ((PyTuple) current).get(i);
        }
        throw PyExc.typeError("not enough arguments for format string");
    }

    private String field() {
        boolean alternate = false;
        char sign = FormatSpec.NONE;
        char fill = ' ';
        char align = '>';
        flags:
        while (true) {
            switch (pop()) {
                case '-' -> align = '<';
                case '+' -> sign = '+';
                case ' ' -> {
                    if (!FormatSpec.given(sign)) {
                        sign = ' ';
                    }
                }
                case '#' -> alternate = true;
                case '0' -> fill = '0';
                default -> {
                    break flags;
                }
            }
        }
        index--;
        int width = number();
        if (width < 0) {
            width = -width;
            align = '<';
        }
        int precision = -1;
        char c = pop();
        if (c == '.') {
            precision = number();
            if (precision < -1) {
                precision = 0;
            }
            c = pop();
        }
        if (c == 'h' || c == 'l' || c == 'L') {
            c = pop();
        }
        switch (c) {
            case 's', 'r', 'a', 'b', 'c', '%' -> fill = ' '; // GraalPy zero-fills %a (and bytes' %b); CPython not
            default -> {
                if (fill == '0' && align == '>') {
                    align = '=';
                } else {
                    fill = ' ';
                }
            }
        }
        FormatSpec spec = new FormatSpec(fill, align, sign, false, alternate, width, FormatSpec.NONE, precision, c);
        return switch (c) {
            case 'c' -> bytes ? byteCharacter(spec) : character(spec);
            case 's', 'b' -> {
                if (!bytes && c == 'b') {
                    yield unsupported(c);
                }
                yield bytes ? Formats.padText(bytesArg(), spec) : Formats.padText(Py.str(arg()), spec);
            }
            case 'r' -> Formats.padText(bytes ? Builtins.ascii(arg()) : Py.repr(arg()), spec);
            case 'd', 'o', 'x', 'X', 'u', 'i' -> integer(spec);
            case 'e', 'E', 'f', 'F', 'g', 'G' -> FloatFormat.format(Conversions.toDouble(arg()), spec);
            case 'a' -> Formats.padText(Builtins.ascii(arg()), spec);
            default -> unsupported(c);
        };
    }

    private String unsupported(char c) {
        arg(); // GraalPy takes the argument first: "not enough arguments" wins over the bad character
        throw PyExc.valueError("unsupported format character '" + c + "' (0x" + Integer.toHexString(c)
                + ") at index " + (index - 1));
    }

    /** bytes' {@code %s} and {@code %b}: the argument's bytes, as Latin-1 text. */
    private String bytesArg() {
        Object v = arg();
        if (!(v instanceof PyBytes b)) {
            // GraalPy 25.2 names 'str' whatever the type
            throw PyExc.typeError("%b requires a bytes-like object, or an object that implements __bytes__, not '"
                    + Py.typeName(v) + "'");
        }
        return new String(b.bytes, StandardCharsets.ISO_8859_1);
    }

    /** bytes' {@code %c}: an int in range(256), or bytes of length 1. */
    private String byteCharacter(FormatSpec spec) {
        Object v = arg();
        if (v instanceof PyBytes b && b.bytes.length == 1) {
            return Formats.padText(String.valueOf((char) (b.bytes[0] & 0xff)), spec);
        }
        if (!Ints.isInt(v)) {
            throw PyExc.typeError("%c requires an integer in range(256) or a single byte");
        }
        Object n = Ints.of(v);
        if (!(n instanceof Long l) || l < 0 || l > 255) {
            throw PyExc.overflow("%c arg not in range(256)");
        }
        return Formats.padText(String.valueOf((char) (long) l), spec);
    }

    /** A width or precision: digits, or '*' taking an int argument; 0 when absent. */
    private int number() {
        char c = pop();
        if (c == '*') {
            Object v = arg();
            Object i = Ints.of(v);
            if (i instanceof BigInteger || (i instanceof Long l && (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE))) {
                throw PyExc.overflow("Python int too large to convert to size");
            }
            if (!(i instanceof Long l)) {
                throw PyExc.typeError("* wants int");
            }
            return (int) (long) l;
        }
        if (Character.isDigit(c)) {
            int start = index - 1;
            while (Character.isDigit(pop())) {
                // scan the digits
            }
            index--;
            try {
                return Integer.parseInt(fmt.substring(start, index));
            } catch (NumberFormatException e) {
                throw PyExc.valueError("Too many decimal digits in format string");
            }
        }
        index--;
        return 0;
    }

    private String character(FormatSpec spec) {
        Object v = arg();
        if (v instanceof String s && Strs.len(s) == 1) {
            return Formats.padText(s, spec);
        }
        BigInteger n = asInteger(v, 'c');
        if (n == null) {
            throw PyExc.typeError("%c requires int or char");
        }
        return IntFormat.percent(n, spec);
    }

    private String integer(FormatSpec spec) {
        Object v = arg();
        BigInteger n = asInteger(v, spec.type());
        if (n == null) {
            boolean real = spec.type() != 'x' && spec.type() != 'X' && spec.type() != 'o';
            throw PyExc.typeError("%" + spec.type() + " format: " + (real ? "a real number" : "an integer")
                    + " is required, not " + Conversions.shortTypeName(v));
        }
        char type = spec.type() == 'u' || spec.type() == 'i' ? 'd' : spec.type();
        return IntFormat.percent(n, new FormatSpec(spec.fill(), spec.align(), spec.sign(), false, spec.alternate(),
                spec.width(), spec.grouping(), spec.precision(), type));
    }

    /** GraalPy's asNumber: ints as they are, floats and Decimals truncated where a real number is allowed. */
    private static BigInteger asInteger(Object v, char type) {
        boolean realAllowed = !(type == 'x' || type == 'X' || type == 'o' || type == 'c');
        if (Ints.isInt(v)) {
            return Ints.big(Ints.of(v));
        }
        if (realAllowed && v instanceof Double d) {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw Double.isNaN(d) ? PyExc.valueError("cannot convert float NaN to integer")
                        : PyExc.overflow("cannot convert float infinity to integer");
            }
            return new BigDecimal(d).toBigInteger();
        }
        if (realAllowed && v instanceof BigDecimal d) {
            return d.toBigInteger();
        }
        return null;
    }
}
