package dev.sequor.expr.python.syntax;

import java.math.BigInteger;

/**
 * Scans one number literal as CPython 3.12 does: decimal, hex, octal and binary integers and floats, with single
 * underscores between digits. Complex numbers are outside the subset; leading zeros ({@code 01}) and misplaced
 * underscores are syntax errors.
 */
final class NumberLiterals {

    private static final int MAX_DECIMAL_DIGITS = 4300; // CPython's int max_str_digits, checked for literals too

    private final String src;
    private final int line;
    private int pos;

    NumberLiterals(String src, int start, int line) {
        this.src = src;
        this.pos = start;
        this.line = line;
    }

    int end() {
        return pos;
    }

    /** The number's value ({@code Long}, {@code BigInteger} or {@code Double}); {@link #end()} is then after it. */
    Object scan() {
        int start = pos;
        char c = src.charAt(pos);
        if (c == '0' && pos + 1 < src.length() && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
            return radixNumber();
        }
        boolean isFloat = false;
        boolean leadingZero = c == '0';
        boolean nonZeroDigit = false;
        if (c != '.') {
            nonZeroDigit = digitPart();
        }
        if (pos < src.length() && src.charAt(pos) == '.') {
            isFloat = true;
            pos++;
            if (pos < src.length() && Lexer.isDigit(src.charAt(pos))) {
                digitPart();
            }
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int afterE = pos + 1;
            if (afterE < src.length() && (src.charAt(afterE) == '+' || src.charAt(afterE) == '-')) {
                afterE++;
            }
            if (afterE < src.length() && Lexer.isDigit(src.charAt(afterE))) {
                isFloat = true;
                pos = afterE;
                digitPart();
            }
        }
        if (pos < src.length() && (src.charAt(pos) == 'j' || src.charAt(pos) == 'J')) {
            throw new OutsideSubset(line, "complex numbers");
        }
        checkNumberEnd();
        String text = src.substring(start, pos).replace("_", "");
        if (isFloat) {
            return Double.parseDouble(text);
        }
        if (leadingZero && nonZeroDigit) {
            throw new InvalidSyntax(line, "leading zeros in decimal integer literals are not permitted");
        }
        if (text.length() > MAX_DECIMAL_DIGITS) {
            throw new OutsideSubset(line, "an integer literal of more than " + MAX_DECIMAL_DIGITS + " digits");
        }
        return integer(text, 10);
    }

    /** Digits with single underscores between them, from {@code pos}; true when one of them is not zero. */
    private boolean digitPart() {
        boolean nonZero = false;
        while (true) {
            char c = src.charAt(pos);
            nonZero |= c != '0';
            pos++;
            if (pos >= src.length()) {
                return nonZero;
            }
            char next = src.charAt(pos);
            if (next == '_') {
                if (pos + 1 >= src.length() || !Lexer.isDigit(src.charAt(pos + 1))) {
                    throw new InvalidSyntax(line, "invalid decimal literal");
                }
                pos++;
            } else if (!Lexer.isDigit(next)) {
                return nonZero;
            }
        }
    }

    private Object radixNumber() {
        char kind = Character.toLowerCase(src.charAt(pos + 1));
        int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
        String name = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
        pos += 2;
        StringBuilder digits = new StringBuilder();
        while (true) {
            if (pos < src.length() && src.charAt(pos) == '_') {
                pos++;
            }
            if (pos >= src.length() || digitValue(src.charAt(pos)) >= radix) {
                if (pos < src.length() && Lexer.isDigit(src.charAt(pos))) {
                    throw new InvalidSyntax(line, "invalid digit '" + src.charAt(pos) + "' in " + name + " literal");
                }
                throw new InvalidSyntax(line, "invalid " + name + " literal");
            }
            digits.append(src.charAt(pos++));
            if (pos >= src.length() || (src.charAt(pos) != '_' && digitValue(src.charAt(pos)) >= radix)) {
                break;
            }
        }
        if (pos < src.length() && Lexer.isDigit(src.charAt(pos))) {
            throw new InvalidSyntax(line, "invalid digit '" + src.charAt(pos) + "' in " + name + " literal");
        }
        checkNumberEnd();
        return integer(digits.toString(), radix);
    }

    /**
     * A name right after a number ({@code 1if x else 2}, {@code 0x1for}) is accepted by CPython with a warning in
     * some cases and rejected in others; the subset leaves it all to Python.
     */
    private void checkNumberEnd() {
        if (pos < src.length() && (Lexer.isNameChar(src.charAt(pos)) || src.charAt(pos) >= 128)) {
            throw new OutsideSubset(line, "a number directly followed by a name");
        }
    }

    private static Object integer(String digits, int radix) {
        if (digits.length() <= (radix == 10 ? 18 : radix == 16 ? 15 : radix == 8 ? 20 : 62)) {
            return Long.parseLong(digits, radix);
        }
        BigInteger big = new BigInteger(digits, radix);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    /** 0-35 for an ASCII digit or letter, else 99: Character.digit would take other scripts' digits too. */
    private static int digitValue(char c) {
        return Lexer.isDigit(c) ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
    }
}
