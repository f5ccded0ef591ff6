package dev.sequor.expr.python.subset;

/**
 * A parsed format specification {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]} for int,
 * float and str, as CPython 3.12 parses it. GraalPy 25.2 (its InternalFormat.Parser, from Jython) differs twice, and
 * the evaluator answers as CPython: it reads an alignment character first as the alignment, so a fill that is one
 * ({@code '=>5'}, {@code '^^5'}, {@code '<<4'}) is refused, and it has no {@code z} option.
 *
 * @param fill      {@link #NONE} when not given
 * @param align     one of {@code <>=^}: the type's default when not given
 * @param sign      {@code +}, {@code -}, space, or {@link #NONE}
 * @param noNegZero {@code z}: a float that rounds to zero loses its minus sign (refused for int and str)
 * @param width     -1 when not given
 * @param grouping  {@code ,} {@code _} or {@link #NONE}
 * @param precision -1 when not given
 * @param type      the type's default when not given (may be {@link #NONE})
 */
record FormatSpec(char fill, char align, char sign, boolean noNegZero, boolean alternate, int width, char grouping,
        int precision, char type) {

    static final char NONE = '\uffff';

    static boolean given(char c) {
        return c != NONE;
    }

    char fillOr(char dflt) {
        return given(fill) ? fill : dflt;
    }

    /** Digits per group: 4 for binary, octal and hex, else 3. */
    int groupSize() {
        return switch (type) {
            case 'b', 'o', 'x', 'X' -> 4;
            default -> 3;
        };
    }

    static FormatSpec parse(String spec, char defaultType, char defaultAlign) {
        int p = 0;
        int n = spec.length();
        char fill = NONE;
        char align = NONE;
        // the second character first, as CPython: in '=>5' the '=' is the fill
        if (n > 1 && isAlign(spec.charAt(1))) {
            fill = spec.charAt(0);
            align = spec.charAt(1);
            p = 2;
        } else if (n > 0 && isAlign(spec.charAt(0))) {
            align = spec.charAt(p++);
        }
        char sign = NONE;
        if (p < n && "+- ".indexOf(spec.charAt(p)) >= 0) {
            sign = spec.charAt(p++);
        }
        boolean noNegZero = false;
        if (p < n && spec.charAt(p) == 'z') {
            noNegZero = true;
            p++;
        }
        boolean alternate = false;
        if (p < n && spec.charAt(p) == '#') {
            alternate = true;
            p++;
        }
        if (p < n && spec.charAt(p) == '0') {
            p++;
            if (!given(fill)) { // a leading 0 means zero fill, and '=' alignment for numbers, unless given
                fill = '0';
                if (!given(align) && defaultAlign == '>') {
                    align = '=';
                }
            }
        }
        if (!given(align)) {
            align = defaultAlign;
        }
        int width = -1;
        int digits = scanDigits(spec, p);
        if (digits > p) {
            width = parseInt(spec.substring(p, digits), "width too big");
            p = digits;
        }
        char grouping = NONE;
        if (p < n && spec.charAt(p) == ',') {
            grouping = ',';
            p++;
        }
        if (p < n && spec.charAt(p) == '_') {
            if (given(grouping)) {
                throw PyExc.valueError("Cannot specify both ',' and '_'.");
            }
            grouping = '_';
            p++;
            if (p < n && spec.charAt(p) == ',') {
                throw PyExc.valueError("Cannot specify both ',' and '_'.");
            }
        }
        int precision = -1;
        if (p < n && spec.charAt(p) == '.') {
            p++;
            digits = scanDigits(spec, p);
            if (digits == p) {
                throw PyExc.valueError("Format specifier missing precision");
            }
            precision = parseInt(spec.substring(p, digits), "precision too big");
            p = digits;
        }
        char type = defaultType;
        if (p < n) {
            type = spec.charAt(p++);
        }
        if (p != n) {
            throw PyExc.valueError("Invalid conversion specification");
        }
        if (given(grouping)) {
            boolean valid = switch (type) {
                case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', '\0', NONE -> true;
                case 'b', 'o', 'x', 'X' -> grouping == '_';
                default -> false;
            };
            if (!valid) {
                throw PyExc.valueError("Cannot specify '" + grouping + "' with '" + type + "'.");
            }
        }
        return new FormatSpec(fill, align, sign, noNegZero, alternate, width, grouping, precision, type);
    }

    private static boolean isAlign(char c) {
        return c == '<' || c == '>' || c == '=' || c == '^';
    }

    /** GraalPy scans digits with Java's Character.isDigit, so other scripts' digits count too. */
    private static int scanDigits(String s, int p) {
        while (p < s.length() && Character.isDigit(s.charAt(p))) {
            p++;
        }
        return p;
    }

    private static int parseInt(String digits, String tooBig) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw PyExc.valueError(tooBig);
        }
    }
}
