package dev.sequor.expr.python.subset;

/**
 * The searching methods of str: find, rfind, index, rindex, count, startswith, endswith, replace, partition and
 * rpartition. Bounds are code point indices; the searches run on the UTF-16 text, which is safe because a match
 * of a well-formed needle always starts and ends on code point boundaries.
 */
final class StrSearch {

    private StrSearch() {
    }

    /** {@code s.find(sub, start, end)} ({@code reverse}: rfind), -1 when absent. */
    static int find(String s, Object subArg, Object start, Object end, boolean reverse) {
        String sub = StrArgs.str(subArg, "must be str, not ");
        int len = Strs.len(s);
        int[] b = StrArgs.adjust(start, end, len);
        if (b[0] > len || b[1] - b[0] < Strs.len(sub)) {
            return -1;
        }
        int from = Strs.offset(s, b[0]);
        int to = Strs.offset(s, b[1]);
        int i = reverse ? s.lastIndexOf(sub, to - sub.length()) : s.indexOf(sub, from);
        if (i < from || i + sub.length() > to) {
            return -1;
        }
        return Strs.hasSurrogates(s) ? s.codePointCount(0, i) : i;
    }

    /** {@code s.index(sub, ...)}: find, or ValueError. */
    static int index(String s, Object sub, Object start, Object end, boolean reverse) {
        int i = find(s, sub, start, end, reverse);
        if (i < 0) {
            throw PyExc.valueError("substring not found");
        }
        return i;
    }

    static int count(String s, Object subArg, Object start, Object end) {
        String sub = StrArgs.str(subArg, "must be str, not ");
        int len = Strs.len(s);
        int[] b = StrArgs.adjust(start, end, len);
        if (b[0] > len || b[1] - b[0] < Strs.len(sub)) {
            return 0;
        }
        if (sub.isEmpty()) {
            return b[1] - b[0] + 1;
        }
        int to = Strs.offset(s, b[1]);
        int n = 0;
        for (int i = s.indexOf(sub, Strs.offset(s, b[0])); i >= 0 && i + sub.length() <= to; i = s.indexOf(sub, i + sub.length())) {
            n++;
        }
        return n;
    }

    /** {@code startswith}/{@code endswith} with a str or a tuple of str. */
    static boolean affix(String s, Object affixArg, Object start, Object end, boolean atEnd) {
        String name = atEnd ? "endswith" : "startswith";
        if (affixArg instanceof PyTuple t) {
            for (Object item : t.items) {
                if (!(item instanceof String one)) {
                    throw PyExc.typeError("tuple for " + name + " must only contain str, not " + Py.typeName(item));
                }
                if (matches(s, one, start, end, atEnd)) {
                    return true;
                }
            }
            return false;
        }
        if (!(affixArg instanceof String one)) {
            throw PyExc.typeError(name + " first arg must be str or a tuple of str, not " + Py.typeName(affixArg));
        }
        return matches(s, one, start, end, atEnd);
    }

    private static boolean matches(String s, String affix, Object start, Object end, boolean atEnd) {
        int len = Strs.len(s);
        int[] b = StrArgs.adjust(start, end, len);
        int n = Strs.len(affix);
        if (b[1] - b[0] < n || b[0] > len) {
            return false;
        }
        int from = Strs.offset(s, b[0]);
        int to = Strs.offset(s, b[1]);
        return atEnd ? s.startsWith(affix, to - affix.length()) : s.startsWith(affix, from);
    }

    /** {@code s.replace(old, new, count)}; an empty old inserts new before every character and at the end. */
    static String replace(String s, String old, String replacement, int count) {
        int max = count < 0 ? Integer.MAX_VALUE : count;
        if (max == 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        if (old.isEmpty()) {
            int done = 0;
            int i = 0;
            while (i < s.length()) {
                if (done < max) {
                    sb.append(replacement);
                    done++;
                }
                int cp = s.codePointAt(i);
                sb.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            if (done < max) {
                sb.append(replacement);
            }
            return sb.toString();
        }
        int last = 0;
        int done = 0;
        for (int i = s.indexOf(old); i >= 0 && done < max; i = s.indexOf(old, last)) {
            sb.append(s, last, i).append(replacement);
            last = i + old.length();
            done++;
        }
        return sb.append(s, last, s.length()).toString();
    }

    /** {@code partition}/{@code rpartition}: a 3-tuple around the first (last) separator. */
    static PyTuple partition(String s, Object sepArg, boolean reverse) {
        String sep = StrArgs.str(sepArg, "must be str, not ");
        if (sep.isEmpty()) {
            throw PyExc.valueError("empty separator");
        }
        int i = reverse ? s.lastIndexOf(sep) : s.indexOf(sep);
        if (i < 0) {
            return reverse ? PyTuple.of("", "", s) : PyTuple.of(s, "", "");
        }
        return PyTuple.of(s.substring(0, i), sep, s.substring(i + sep.length()));
    }
}
