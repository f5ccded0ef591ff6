package dev.sequor.expr.python.subset;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Python's text-to-number rules for {@code int(s, base)} and {@code float(s)}: surrounding whitespace, a sign,
 * underscores between digits ({@code '1_000'}, not {@code '_1'} or {@code '1__0'}), Unicode decimal digits
 * ({@code int('١٢')} is 12), base prefixes for base 0, 2, 8 and 16, and {@code inf}/{@code nan} for floats.
 */
public final class NumberParsing {

    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\." + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?i:inf|infinity|nan)");

    private NumberParsing() {
    }

    /** {@code int(text, base)}, or null when the text is not an int literal in that base. */
    public static Object parseInt(String text, int base) {
        String s = asciiDigits(text).strip();
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        int radix = base;
        boolean afterPrefix = false;
        if (s.length() >= i + 2 && s.charAt(i) == '0') {
            char p = Character.toLowerCase(s.charAt(i + 1));
            int prefixRadix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (prefixRadix != 0 && (base == 0 || base == prefixRadix)) {
                radix = prefixRadix;
                i += 2;
                afterPrefix = true;
            }
        }
        if (radix == 0) {
            radix = 10;
            // base 0 reads like a Python literal: no leading zeros in a non-zero decimal
            String rest = s.substring(i).replace("_", "");
            if (rest.length() > 1 && rest.charAt(0) == '0' && !rest.chars().allMatch(c -> c == '0')) {
                return null;
            }
        }
        StringBuilder digits = new StringBuilder(s.length());
        boolean lastUnderscore = !afterPrefix; // an underscore may follow a prefix, not start the number
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (lastUnderscore) {
                    return null;
                }
                lastUnderscore = true;
                continue;
            }
            if (Character.digit(c, radix) < 0 || c > 0x7f) {
                return null;
            }
            digits.append(c);
            lastUnderscore = false;
        }
        if (digits.isEmpty() || lastUnderscore) {
            return null;
        }
        BigInteger v = new BigInteger(digits.toString(), radix);
        return Ints.normalize(negative ? v.negate() : v);
    }

    /** {@code float(text)}, or null when the text is not a float literal. */
    public static Double parseFloat(String text) {
        String s = asciiDigits(text).strip();
        if (SPECIAL.matcher(s).matches()) {
            boolean negative = s.charAt(0) == '-';
            if (s.toLowerCase().endsWith("nan")) {
                return Double.NaN;
            }
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!FLOAT.matcher(s).matches()) {
            return null;
        }
        return Double.parseDouble(s.replace("_", "")); // Java's parse is correctly rounded, like Python's
    }

    /** Unicode decimal digits replaced by ASCII ones, as Python does before parsing numbers. */
    private static String asciiDigits(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp > 0x7f && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                sb.append((char) ('0' + Character.digit(cp, 10)));
            } else if (cp > 0x7f && Character.isWhitespace(cp)) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
