package dev.sequor.expr.jinja;

import java.util.regex.Pattern;

/**
 * What the compile-time rewrites of a template's text ({@link TrimmedComments}, {@link NestedBraces}) need to walk it
 * as Jinja2's lexer does: where <code>{% raw %}</code> blocks start and end, and where a tag, an expression or a
 * string literal ends. Kept out of {@link JinjaMarkup}, which every flow loads, since these compile patterns.
 */
final class MarkupScan {

    /** <code>{% raw %}</code>, matched at a <code>{%</code>. */
    static final Pattern RAW = Pattern.compile("\\{%-?\\s*raw\\s*-?%}");
    /** <code>{% endraw %}</code>, found after a raw block's start. */
    static final Pattern END_RAW = Pattern.compile("\\{%[-+]?\\s*endraw\\s*[-+]?%}");

    private MarkupScan() {
    }

    /**
     * Where the tag ({@code closing} {@code %}) or expression ({@code closing} <code>}</code>) that starts before
     * {@code from} ends: after its closing delimiter, skipping string literals; the text's length when it never does.
     */
    static int tagEnd(String text, int from, char closing) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = stringEnd(text, i);
            } else if (c == closing && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                return i + 2;
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** After the string literal whose quote is at {@code at} (backslash escapes skipped). */
    static int stringEnd(String text, int at) {
        char quote = text.charAt(at);
        int i = at + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, text.length());
    }
}
