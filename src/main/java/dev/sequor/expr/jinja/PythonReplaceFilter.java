package dev.sequor.expr.jinja;

/**
 * Jinja2's {@code replace(old, new, count=None)}: Python's {@code str.replace}, which honours {@code count} and puts
 * {@code new} around every character when {@code old} is empty ({@code 'abc'|replace('', '-')} is {@code -a-b-c-}).
 */
final class PythonReplaceFilter extends Jinja2Filter {

    PythonReplaceFilter() {
        super("replace");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        String s = PythonStr.str(value);
        String old = args.text(0, "old", null);
        String replacement = args.text(1, "new", null);
        if (old == null || replacement == null) {
            throw new TemplateValueException("replace() needs old and new");
        }
        Object count = args.get(2, "count", null);
        int left = count == null ? Integer.MAX_VALUE : args.integer(2, "count", -1);
        if (left < 0) {
            left = Integer.MAX_VALUE;
        }
        StringBuilder out = new StringBuilder(s.length());
        int from = 0;
        if (old.isEmpty()) {
            // Python inserts before each character and at the end, one per count
            while (left > 0 && from <= s.length()) {
                out.append(replacement);
                left--;
                if (from == s.length()) {
                    return out.toString();
                }
                int next = s.offsetByCodePoints(from, 1);
                out.append(s, from, next);
                from = next;
            }
            return out.append(s, from, s.length()).toString();
        }
        for (int at = s.indexOf(old); at >= 0 && left > 0; at = s.indexOf(old, from), left--) {
            out.append(s, from, at).append(replacement);
            from = at + old.length();
        }
        return out.append(s, from, s.length()).toString();
    }
}
