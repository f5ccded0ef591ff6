package dev.sequor.expr.jinja;

import com.hubspot.jinjava.el.ext.ExtendedScanner;
import jinjava.de.odysseus.el.tree.impl.Scanner.Symbol;

/**
 * Jinjava's expression scanner reading string literals as Jinja2 does, with Python's escapes: backslash n, t, r,
 * backslash, quotes and the like, {@code x} with 2 hex digits, {@code u} with 4, {@code U} with 8, {@code N{NAME}},
 * octal digits, {@code a} and {@code v}; a backslash before any other character stays, as in a regex such as
 * {@code '\d+'}. Jinjava's knew only the first few and rejected the rest ("invalid escape sequence" for backslash u,
 * so a template could not write an accented letter by its code). A malformed escape is a syntax error with Python's
 * words for it ("truncated \xXX escape").
 */
final class PythonScanner extends ExtendedScanner {

    PythonScanner(String input) {
        super(input);
    }

    @Override
    protected Token nextString() throws ScanException {
        builder.setLength(0);
        String input = getInput();
        char quote = input.charAt(getPosition());
        int i = getPosition() + 1;
        int end = input.length();
        while (i < end) {
            char c = input.charAt(i++);
            if (c == quote) {
                return token(Symbol.STRING, builder.toString(), i - getPosition());
            }
            if (c != '\\') {
                builder.append(c);
                continue;
            }
            if (i == end) {
                break;
            }
            char e = input.charAt(i++);
            switch (e) {
                case '\n' -> { } // a line continuation
                case '\\', '\'', '"' -> builder.append(e);
                case 'a' -> builder.append('\u0007');
                case 'b' -> builder.append('\b');
                case 'f' -> builder.append('\f');
                case 'n' -> builder.append('\n');
                case 'r' -> builder.append('\r');
                case 't' -> builder.append('\t');
                case 'v' -> builder.append('\u000b');
                case 'x' -> i = hex(input, i, 2, "truncated \\xXX escape");
                case 'u' -> i = hex(input, i, 4, "truncated \\uXXXX escape");
                case 'U' -> i = hex(input, i, 8, "truncated \\UXXXXXXXX escape");
                case 'N' -> i = named(input, i);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int n = 1; n < 3 && i < end && input.charAt(i) >= '0' && input.charAt(i) <= '7'; n++) {
                            value = value * 8 + input.charAt(i++) - '0';
                        }
                        builder.append((char) value);
                    } else {
                        builder.append('\\').append(e); // Python keeps an unknown escape as it is
                    }
                }
            }
        }
        throw new ScanException(getPosition(), "unterminated string", String.valueOf(quote));
    }

    /** Reads {@code digits} hex digits at {@code at} into the string; returns where they end. */
    private int hex(String input, int at, int digits, String truncated) throws ScanException {
        int value = 0;
        for (int n = 0; n < digits; n++) {
            int digit = at + n < input.length() ? Character.digit(input.charAt(at + n), 16) : -1;
            if (digit < 0) {
                throw new ScanException(getPosition(), truncated, digits + " hex digits");
            }
            value = value * 16 + digit;
        }
        if (value < 0 || value > Character.MAX_CODE_POINT) {
            throw new ScanException(getPosition(), "illegal Unicode character", "a code point up to \\U0010ffff");
        }
        builder.appendCodePoint(value);
        return at + digits;
    }

    /** Reads {@code {NAME}} at {@code at} into the string; returns where it ends. */
    private int named(String input, int at) throws ScanException {
        int close = at < input.length() && input.charAt(at) == '{' ? input.indexOf('}', at) : -1;
        if (close < 0) {
            throw new ScanException(getPosition(), "malformed \\N character escape", "\\N{NAME}");
        }
        try {
            builder.appendCodePoint(Character.codePointOf(input.substring(at + 1, close)));
        } catch (IllegalArgumentException e) {
            throw new ScanException(getPosition(), "unknown Unicode character name", "\\N{NAME}");
        }
        return close + 1;
    }
}
