package dev.sequor.expr.python.syntax;

import java.util.List;
import java.util.Locale;

/**
 * String literal prefixes and escape sequences, as CPython 3.12 reads them. Plain and bytes literals are decoded
 * by the lexer; an f-string keeps its source text for the {@link FStringParser}, which decodes its literal parts
 * here.
 */
final class StringLiterals {

    private StringLiterals() {
    }

    enum Kind {
        STR, BYTES, FSTRING
    }

    /**
     * One string token. {@code text} is the decoded value for STR, the decoded bytes as chars 0-255 for BYTES, and
     * the undecoded source between the quotes for FSTRING ({@code raw} says whether it had an {@code r} prefix).
     */
    record Piece(Kind kind, String text, boolean raw, int line) {
    }

    /** Whether {@code name}, right before a quote, is a string prefix ({@code rb'x'}) rather than a name. */
    static boolean isPrefix(String name) {
        return switch (name.length()) {
            case 1 -> "rRuUbBfF".indexOf(name.charAt(0)) >= 0;
            case 2 -> switch (name.toLowerCase(Locale.ROOT)) {
                case "br", "rb", "fr", "rf" -> true;
                default -> false;
            };
            default -> false;
        };
    }

    static Piece piece(String prefix, String body, int line) {
        String p = prefix.toLowerCase(Locale.ROOT);
        boolean raw = p.indexOf('r') >= 0;
        if (p.indexOf('f') >= 0) {
            return new Piece(Kind.FSTRING, body, raw, line);
        }
        if (p.indexOf('b') >= 0) {
            for (int i = 0; i < body.length(); i++) {
                if (body.charAt(i) >= 128) {
                    throw new InvalidSyntax(line, "bytes can only contain ASCII literal characters");
                }
            }
            return new Piece(Kind.BYTES, raw ? body : decode(body, true, line), raw, line);
        }
        return new Piece(Kind.STR, raw ? body : decode(body, false, line), raw, line);
    }

    /** Adjacent literals as one: str, bytes, or a JoinedStr as soon as one of them is an f-string. */
    static Node.Expr concatenate(List<Piece> pieces, int line) {
        boolean bytes = pieces.get(0).kind() == Kind.BYTES;
        boolean fstring = false;
        for (Piece p : pieces) {
            if (bytes != (p.kind() == Kind.BYTES)) {
                throw new InvalidSyntax(p.line(), "cannot mix bytes and nonbytes literals");
            }
            fstring |= p.kind() == Kind.FSTRING;
        }
        if (fstring) {
            FStringParser.Builder parts = new FStringParser.Builder();
            for (Piece p : pieces) {
                if (p.kind() == Kind.FSTRING) {
                    FStringParser.parse(p, parts);
                } else {
                    parts.literal(p.text(), p.line());
                }
            }
            return new Node.JoinedStr(line, parts.values());
        }
        String text = pieces.size() == 1 ? pieces.get(0).text() : joined(pieces);
        if (!bytes) {
            return new Node.Const(line, text);
        }
        byte[] value = new byte[text.length()];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) text.charAt(i);
        }
        return new Node.Const(line, value);
    }

    private static String joined(List<Piece> pieces) {
        StringBuilder all = new StringBuilder();
        for (Piece p : pieces) {
            all.append(p.text());
        }
        return all.toString();
    }

    /**
     * Resolves the backslash escapes of a non-raw literal. Unknown escapes ({@code \d}) keep their backslash, as
     * in Python; {@code \N{name}} is left to Python, which has the Unicode name database.
     */
    static String decode(String s, boolean bytes, int line) {
        int backslash = s.indexOf('\\');
        if (backslash < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, backslash);
        int i = backslash;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> { } // line continuation inside the literal
                case '\\', '\'', '"' -> out.append(e);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = e - '0';
                    for (int k = 0; k < 2 && i < n && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
                        value = value * 8 + (s.charAt(i++) - '0');
                    }
                    if (value > 0377) {
                        throw new OutsideSubset(line, "an octal escape above \\377");
                    }
                    out.append((char) value);
                }
                case 'x' -> {
                    out.append((char) hex(s, i, 2, line, bytes ? "bytes" : "unicode", "\\xXX"));
                    i += 2;
                }
                case 'u', 'U' -> {
                    if (bytes) {
                        out.append('\\').append(e);
                    } else {
                        int digits = e == 'u' ? 4 : 8;
                        long cp = hex(s, i, digits, line, "unicode", e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX");
                        if (cp > Character.MAX_CODE_POINT) {
                            throw new InvalidSyntax(line, "(unicode error) illegal Unicode character");
                        }
                        out.appendCodePoint((int) cp);
                        i += digits;
                    }
                }
                case 'N' -> {
                    if (!bytes) {
                        throw new OutsideSubset(line, "\\N{...} escapes");
                    }
                    out.append('\\').append(e);
                }
                default -> out.append('\\').append(e);
            }
        }
        return out.toString();
    }

    private static long hex(String s, int from, int digits, int line, String codec, String form) {
        long value = 0;
        for (int k = 0; k < digits; k++) {
            int d = from + k < s.length() ? hexDigit(s.charAt(from + k)) : -1;
            if (d < 0) {
                throw new InvalidSyntax(line, "(" + codec + " error) truncated " + form + " escape");
            }
            value = value * 16 + d;
        }
        return value;
    }

    /** ASCII only: Character.digit would also take other scripts' digits. */
    private static int hexDigit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** Python's {@code str.isspace()}, for {@code strip()} and blank-line checks. */
    static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
