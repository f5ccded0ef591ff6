package dev.sequor.expr.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Places in a tag's text outside string literals and brackets, where Jinja2's grammar cuts it: the commas between
 * {@code with} assignments, an assignment's {@code =}, the {@code if} of a loop filter. One scanner for all of them,
 * so that a quote or a bracket inside a value is skipped the same way everywhere.
 */
final class TopLevelText {

    private TopLevelText() {
    }

    /**
     * The first index from {@code from} at which {@code at} holds, outside strings (with backslash escapes) and
     * brackets; -1 when there is none.
     */
    static int find(String text, int from, IntPredicate at) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && at.test(i)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code text} cut at each {@code separator} outside strings and brackets. */
    static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int cut = find(text, 0, i -> text.charAt(i) == separator); cut >= 0;
             cut = find(text, start, i -> text.charAt(i) == separator)) {
            parts.add(text.substring(start, cut));
            start = cut + 1;
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Where the first {@code =} that is an assignment (not {@code ==}, {@code !=}, {@code <=}, {@code >=}) is, or -1. */
    static int assignment(String text) {
        return find(text, 0, i -> text.charAt(i) == '='
                && !(i + 1 < text.length() && text.charAt(i + 1) == '=')
                && !(i > 0 && "=!<>".indexOf(text.charAt(i - 1)) >= 0));
    }
}
