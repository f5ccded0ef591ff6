package dev.sequor.expr.jinja;

/**
 * Jinja2's {@code truncate(length=255, killwords=False, end='...', leeway=5)}, replacing Jinjava's, which had no
 * leeway: text up to {@code length + leeway} characters is kept whole; longer text is cut to {@code length}
 * characters including {@code end}, at the last space unless killwords. Characters are code points, as in Python.
 */
final class PythonTruncateFilter extends Jinja2Filter {

    PythonTruncateFilter() {
        super("truncate");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        String s = PythonStr.str(value);
        int length = args.integer(0, "length", 255);
        boolean killwords = args.truthy(1, "killwords");
        String end = args.text(2, "end", "...");
        int leeway = args.integer(3, "leeway", 5);
        int endLength = end.codePointCount(0, end.length());
        if (length < endLength) {
            throw new TemplateValueException("expected length >= " + endLength + ", got " + length);
        }
        if (leeway < 0) {
            throw new TemplateValueException("expected leeway >= 0, got " + leeway);
        }
        if (s.codePointCount(0, s.length()) <= length + leeway) {
            return s;
        }
        String head = s.substring(0, s.offsetByCodePoints(0, length - endLength));
        if (!killwords) {
            int space = head.lastIndexOf(' ');
            head = space < 0 ? head : head.substring(0, space);
        }
        return head + end;
    }
}
