package dev.sequor.expr.jinja;

import java.util.regex.Matcher;

/**
 * Jinja2's whitespace control on comments (<code>{#- note #}</code>, <code>{# note -#}</code>) for Jinjava, whose
 * comments strip the wrong side or nothing. Before Jinjava parses a template, each comment with a {@code -} becomes an
 * expression that prints nothing with the same {@code -} marks and line breaks (<code>{{- '' }}</code>), whose
 * whitespace control Jinjava applies as Jinja2 does. Comments are found as Jinja2's lexer finds them: in text, not
 * inside <code>{% raw %}</code> or a tag's string literals. Runs once per template, at compile time.
 */
final class TrimmedComments {

    private TrimmedComments() {
    }

    /** {@code text} with its whitespace-controlled comments replaced; the same string when it has none. */
    static String asExpressions(String text) {
        if (!text.contains("{#-") && !text.contains("-#}")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher raw = MarkupScan.RAW.matcher(text);
        Matcher endRaw = MarkupScan.END_RAW.matcher(text);
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0 || open + 1 >= text.length()) {
                break;
            }
            char kind = text.charAt(open + 1);
            if (kind == '#') {
                int close = text.indexOf("#}", open + 2);
                if (close < 0) {
                    break; // unclosed: Jinjava reports it
                }
                out.append(text, i, open);
                appendComment(out, text.substring(open + 2, close));
                i = close + 2;
            } else if (kind == '%' && raw.region(open, text.length()).lookingAt()) {
                int end = endRaw.region(raw.end(), text.length()).find() ? endRaw.end() : text.length();
                out.append(text, i, end);
                i = end;
            } else if (kind == '%' || kind == '{') {
                int end = MarkupScan.tagEnd(text, open + 2, kind == '%' ? '%' : '}');
                out.append(text, i, end);
                i = end;
            } else {
                out.append(text, i, open + 1);
                i = open + 1;
            }
        }
        return out.append(text, i, text.length()).toString();
    }

    /** <code>{{- '' -}}</code> with the comment's {@code -} marks and its line breaks (error lines stay right). */
    private static void appendComment(StringBuilder out, String body) {
        out.append(body.startsWith("-") ? "{{- ''" : "{{ ''");
        body.chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
        out.append(body.endsWith("-") && body.length() > 1 ? " -}}" : " }}");
    }
}
