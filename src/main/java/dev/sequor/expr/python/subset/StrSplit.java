package dev.sequor.expr.python.subset;

/**
 * str.split, rsplit, splitlines and the strips. Without a separator, split and strip use Python's whitespace
 * ({@link Unicode#isSpace}), which is wider than Java's (it includes U+00A0 and U+0085).
 */
final class StrSplit {

    private StrSplit() {
    }

    static PyList split(String s, String sep, int maxsplit) {
        if (sep == null) {
            return splitWhitespace(s, maxsplit);
        }
        if (sep.isEmpty()) {
            throw PyExc.valueError("empty separator");
        }
        int splits = maxsplit < 0 ? Integer.MAX_VALUE : maxsplit;
        PyList out = new PyList();
        int last = 0;
        while (splits > 0) {
            int i = s.indexOf(sep, last);
            if (i < 0) {
                break;
            }
            out.add(s.substring(last, i));
            last = i + sep.length();
            splits--;
        }
        out.add(s.substring(last));
        return out;
    }

    static PyList rsplit(String s, String sep, int maxsplit) {
        if (sep == null) {
            return rsplitWhitespace(s, maxsplit);
        }
        if (sep.isEmpty()) {
            throw PyExc.valueError("empty separator");
        }
        int splits = maxsplit < 0 ? Integer.MAX_VALUE : maxsplit;
        java.util.ArrayList<Object> parts = new java.util.ArrayList<>();
        int end = s.length();
        while (splits > 0 && end >= sep.length()) {
            int i = s.lastIndexOf(sep, end - sep.length());
            if (i < 0) {
                break;
            }
            parts.add(s.substring(i + sep.length(), end));
            end = i;
            splits--;
        }
        parts.add(s.substring(0, end));
        java.util.Collections.reverse(parts);
        return new PyList(parts);
    }

    private static PyList splitWhitespace(String s, int maxsplit) {
        int splits = maxsplit < 0 ? Integer.MAX_VALUE : maxsplit;
        PyList out = new PyList();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && Unicode.isSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            if (i >= n) {
                return out;
            }
            if (splits == 0) {
                out.add(s.substring(i)); // the rest, trailing whitespace included, as Python keeps it
                return out;
            }
            int j = i;
            while (j < n && !Unicode.isSpace(s.codePointAt(j))) {
                j += Character.charCount(s.codePointAt(j));
            }
            out.add(s.substring(i, j));
            splits--;
            i = j;
        }
    }

    private static PyList rsplitWhitespace(String s, int maxsplit) {
        int splits = maxsplit < 0 ? Integer.MAX_VALUE : maxsplit;
        java.util.ArrayList<Object> parts = new java.util.ArrayList<>();
        int j = s.length();
        while (true) {
            while (j > 0 && Unicode.isSpace(s.codePointBefore(j))) {
                j -= Character.charCount(s.codePointBefore(j));
            }
            if (j <= 0) {
                break;
            }
            if (splits == 0) {
                parts.add(s.substring(0, j));
                break;
            }
            int i = j;
            while (i > 0 && !Unicode.isSpace(s.codePointBefore(i))) {
                i -= Character.charCount(s.codePointBefore(i));
            }
            parts.add(s.substring(i, j));
            splits--;
            j = i;
        }
        java.util.Collections.reverse(parts);
        return new PyList(parts);
    }

    /** str.splitlines: \r\n is one break; the other breaks are single characters ({@link Unicode#isLineBreak}). */
    static PyList splitlines(String s, boolean keepends) {
        PyList out = new PyList();
        int start = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (!Unicode.isLineBreak(c)) {
                i++;
                continue;
            }
            int eol = (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') ? i + 2 : i + 1;
            out.add(s.substring(start, keepends ? eol : i));
            start = eol;
            i = eol;
        }
        if (start < n) {
            out.add(s.substring(start));
        }
        return out;
    }

    /** strip ({@code left} and {@code right}), lstrip, rstrip; {@code chars} null means whitespace. */
    static String strip(String s, String chars, boolean left, boolean right) {
        int i = 0;
        int j = s.length();
        if (left) {
            while (i < j && stripped(s.codePointAt(i), chars)) {
                i += Character.charCount(s.codePointAt(i));
            }
        }
        if (right) {
            while (j > i && stripped(s.codePointBefore(j), chars)) {
                j -= Character.charCount(s.codePointBefore(j));
            }
        }
        return s.substring(i, j);
    }

    private static boolean stripped(int cp, String chars) {
        return chars == null ? Unicode.isSpace(cp) : chars.indexOf(cp) >= 0;
    }
}
