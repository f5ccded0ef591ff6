package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * printf-style {@code fmt % args}, following GraalPy's FormatProcessor: a tuple supplies the arguments in order,
 * a mapping (dict, list, bytes, Sequor's rows) supplies {@code %(key)s} fields (and is never "not all converted"),
 * anything else is the single argument. Conversions: s r a c d i u o x X e E f F g G and %%.
 */
final class PercentFormat {

    /** argIndex values for a non-tuple argument: not yet used, used, and a mapping. */
    private static final int SINGLE = -1;
    private static final int SINGLE_USED = -2;
    private static final int MAPPING = -3;

    private final String fmt;
    private final Object args;
    private Object current;
    private int argIndex;
    private int index;

    PercentFormat(String fmt, Object args) {
        this.fmt = fmt;
        this.args = args;
        this.current = args;
        if (args instanceof PyTuple) {
            argIndex = 0;
        } else if (isMapping(args)) {
            argIndex = MAPPING;
        } else {
            argIndex = SINGLE;
        }
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
                if (argIndex != MAPPING) {
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
                current = Items.getItem(args, fmt.substring(keyStart, index - 1));
            } else {
                index--;
            }
            out.append(field());
        }
        if (argIndex == SINGLE || (argIndex >= 0 && ((PyTuple) args).size() >= argIndex + 1)) {
            throw PyExc.typeError("not all arguments converted during string formatting");
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

    private Object arg() {
        Object value = null;
        boolean found = false;
        switch (argIndex) {
            case MAPPING -> {
                return current;
            }
            case SINGLE_USED -> {
            }
            case SINGLE -> {
                argIndex = SINGLE_USED;
                return args;
            }
            default -> {
                PyTuple t = (PyTuple) args;
                if (argIndex < t.size()) {
                    value = t.get(argIndex);
                    found = true;
                }
                argIndex++;
            }
        }
        if (!found) {
            throw PyExc.typeError("not enough arguments for format string");
        }
        return value;
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
            case 's', 'r', 'c', '%' -> fill = ' ';
            default -> {
                if (fill == '0' && align == '>') {
                    align = '=';
                } else {
                    fill = ' ';
                }
            }
        }
        FormatSpec spec = new FormatSpec(fill, align, sign, alternate, width, FormatSpec.NONE, precision, c);
        return switch (c) {
            case 'c' -> character(spec);
            case 'd', 'o', 'x', 'X', 'u', 'i' -> integer(spec);
            case 'e', 'E', 'f', 'F', 'g', 'G' -> FloatFormat.format(Conversions.toDouble(arg()), spec);
            case 's' -> Formats.padText(Py.str(arg()), spec);
            case 'r' -> Formats.padText(Py.repr(arg()), spec);
            case 'a' -> Formats.padText(Builtins.ascii(arg()), spec);
            default -> {
                arg(); // GraalPy takes the argument first: "not enough arguments" wins over the bad character
                throw PyExc.valueError("unsupported format character '" + c + "' (0x" + Integer.toHexString(c)
                        + ") at index " + (index - 1));
            }
        };
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
        return IntFormat.percent(n, new FormatSpec(spec.fill(), spec.align(), spec.sign(), spec.alternate(), spec.width(),
                spec.grouping(), spec.precision(), type));
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
