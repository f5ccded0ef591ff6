package dev.sequor.expr.jinja;

/**
 * Jinja2's {@code trim(chars=None)}: Python's {@code str.strip(chars)}, which Jinjava's trim ignored the characters
 * of; without them, Python's whitespace (which includes the no-break space).
 */
final class PythonTrimFilter extends Jinja2Filter {

    PythonTrimFilter() {
        super("trim");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        String s = PythonStr.str(value);
        String chars = args.text(0, "chars", null);
        int start = 0;
        int end = s.length();
        while (start < end && stripped(s.codePointAt(start), chars)) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && stripped(s.codePointBefore(end), chars)) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    private static boolean stripped(int c, String chars) {
        return chars == null ? Character.isWhitespace(c) || Character.isSpaceChar(c) : chars.indexOf(c) >= 0;
    }
}
