package dev.sequor.expr.python.subset;

/**
 * Python strings over Java strings: Python counts and indexes code points, Java UTF-16 units. They differ only
 * when a string holds characters outside the Basic Multilingual Plane (emoji), so every operation checks for
 * surrogates first and takes the plain char path otherwise.
 */
public final class Strs {

    private Strs() {
    }

    static boolean hasSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code len(s)}. */
    public static int len(String s) {
        return hasSurrogates(s) ? s.codePointCount(0, s.length()) : s.length();
    }

    /** The UTF-16 offset of code point index {@code cp} (0 <= cp <= len). */
    static int offset(String s, int cp) {
        return hasSurrogates(s) ? s.offsetByCodePoints(0, cp) : cp;
    }

    /** {@code s[i]} for a normalised index 0 <= i < len. */
    static String charAt(String s, int i) {
        if (!hasSurrogates(s)) {
            return String.valueOf(s.charAt(i));
        }
        int start = s.offsetByCodePoints(0, i);
        return new String(Character.toChars(s.codePointAt(start)));
    }

    /** {@code s[start:stop]} for normalised code point bounds. */
    static String substring(String s, int start, int stop) {
        if (start >= stop) {
            return "";
        }
        if (!hasSurrogates(s)) {
            return s.substring(start, stop);
        }
        int from = s.offsetByCodePoints(0, start);
        int to = s.offsetByCodePoints(from, stop - start);
        return s.substring(from, to);
    }

    /** The code points of s as one-character strings (iteration, list(s)). */
    static java.util.List<Object> chars(String s) {
        java.util.ArrayList<Object> out = new java.util.ArrayList<>(s.length());
        if (!hasSurrogates(s)) {
            for (int i = 0; i < s.length(); i++) {
                out.add(String.valueOf(s.charAt(i)));
            }
        } else {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        }
        return out;
    }

    /** Code point order, as Python compares strings. */
    public static int compare(String a, String b) {
        if (!hasSurrogates(a) && !hasSurrogates(b)) {
            return a.compareTo(b);
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Python's {@code repr(str)}: single quotes unless only they appear, escapes for what is not printable. */
    public static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp < 0x7f || isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else {
                appendEscape(sb, cp);
            }
        }
        return sb.append(quote).toString();
    }

    /** The escape repr and ascii() write for a code point: backslash-x, -u or -U and its hex digits. */
    static void appendEscape(StringBuilder sb, int cp) {
        if (cp <= 0xff) {
            sb.append(String.format("\\x%02x", cp));
        } else if (cp <= 0xffff) {
            sb.append(String.format("\\u%04x", cp));
        } else {
            sb.append(String.format("\\U%08x", cp));
        }
    }

    /** Python's str.isprintable() for one code point: not a control, format, separator (but space) or unassigned. */
    static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
