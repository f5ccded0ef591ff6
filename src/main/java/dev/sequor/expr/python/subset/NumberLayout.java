package dev.sequor.expr.python.subset;


/**
 * The text of one formatted number while it is built: sign, whole-number digits, then the rest (point, fraction,
 * exponent, '%'), with the lengths of the sign and whole parts kept so that grouping separators and '=' padding
 * go in the right places. Mirrors the layout logic of GraalPy's InternalFormat.Formatter, including its quirks
 * (zero padding with grouping rewrites the padding into groups).
 */
class NumberLayout {

    final FormatSpec spec;
    final StringBuilder result = new StringBuilder(24);
    /** Where the number starts in {@link #result} (after left padding). */
    int start;
    int lenSign;
    int lenWhole;
    char grouping;
    int groupSize;

    NumberLayout(FormatSpec spec) {
        this.spec = spec;
        this.grouping = spec.grouping();
        this.groupSize = FormatSpec.given(spec.grouping()) ? spec.groupSize() : -1;
    }

    /**
     * The 'n' type's grouping: none. CPython runs in the C locale unless a program calls setlocale (it never sets
     * LC_NUMERIC itself), whose 'n' groups nothing and writes '.'; GraalPy 25.2 took the JVM's locale (1,234,567).
     */
    void useLocaleGrouping() {
        grouping = FormatSpec.NONE;
        groupSize = -1;
    }

    /** The 'n' type's decimal point: the C locale's. */
    static char localeDecimalSeparator() {
        return '.';
    }

    void groupWholeIfRequired() {
        if (FormatSpec.given(grouping)) {
            int commas = (lenWhole - 1) / groupSize;
            if (commas > 0) {
                int wholeStart = start + lenSign;
                String whole = result.substring(wholeStart, wholeStart + lenWhole);
                StringBuilder grouped = new StringBuilder(whole.length() + commas);
                int first = whole.length() - commas * groupSize;
                grouped.append(whole, 0, first);
                for (int i = first; i < whole.length(); i += groupSize) {
                    grouped.append(grouping).append(whole, i, i + groupSize);
                }
                result.replace(wholeStart, wholeStart + lenWhole, grouped.toString());
                lenWhole += commas;
            }
        }
    }

    /** Pads to the width; {@code width} counted in UTF-16 units, as GraalPy counts for numbers. */
    String pad() {
        int n = spec.width() - result.length();
        if (n > 0) {
            pad(n);
        }
        return result.toString();
    }

    final void pad(int n) {
        char align = spec.align();
        char fill = spec.fillOr(' ');
        int leading = switch (align) {
            case '^' -> n / 2;
            case '<' -> 0;
            default -> n;
        };
        int trailing = n - leading;
        if (leading > 0) {
            int at = 0;
            if (align == '=') {
                at = start + lenSign;
                lenWhole += leading;
            } else {
                start += leading;
            }
            result.insert(at, String.valueOf(fill).repeat(leading));
        }
        result.append(String.valueOf(fill).repeat(trailing));
        if (align == '=' && fill == '0' && FormatSpec.given(grouping)) {
            zeroPadGroupingFixup();
        }
    }

    /** Zero padding after the sign is regrouped: every (size+1)th position from the right becomes a separator. */
    private void zeroPadGroupingFixup() {
        int firstZero = start + lenSign;
        int step = groupSize + 1;
        int p = firstZero + lenWhole - step;
        for (; p >= firstZero; p -= step) {
            result.setCharAt(p, grouping);
        }
        if (p + step == firstZero) { // a separator landed first: put a zero before it
            result.insert(firstZero, '0');
            lenWhole += 1;
        }
    }
}
