package dev.sequor.expr.jinja;

import java.util.regex.Matcher;

/**
 * Jinja2's lexer ends a <code>{{ ... }}</code> at the first {@code }}} outside brackets; Jinjava's at the first
 * {@code }}} at all, so <code>{{ {'a': {'b': 1}} | tojson }}</code> ended after the {@code 1} and failed to parse.
 * Before Jinjava parses a template, each {@code }}} that closes a dict inside an expression becomes {@code } }}, which
 * means the same. Expressions are found as {@link TrimmedComments} finds comments: in text, not inside comments or
 * <code>{% raw %}</code>, skipping string literals. Runs once per template, at compile time.
 */
final class NestedBraces {

    private NestedBraces() {
    }

    /** {@code text} with the {@code }}} inside its expressions' brackets spaced; the same string when it has none. */
    static String spaced(String text) {
        if (!text.contains("}}") || !text.contains("{{")) {
            return text;
        }
        StringBuilder out = null;
        Matcher raw = MarkupScan.RAW.matcher(text);
        Matcher endRaw = MarkupScan.END_RAW.matcher(text);
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0 || open + 1 >= text.length()) {
                break;
            }
            char kind = text.charAt(open + 1);
            if (kind == '#') {
                int close = text.indexOf("#}", open + 2);
                i = close < 0 ? text.length() : close + 2;
            } else if (kind == '%' && raw.region(open, text.length()).lookingAt()) {
                i = endRaw.region(raw.end(), text.length()).find() ? endRaw.end() : text.length();
            } else if (kind == '%') {
                i = MarkupScan.tagEnd(text, open + 2, '%');
            } else if (kind == '{') {
                // an expression: walk it, keeping the brackets open
                StringBuilder brackets = new StringBuilder();
                int j = open + 2;
                while (j < text.length()) {
                    char c = text.charAt(j);
                    if (c == '\'' || c == '"') {
                        j = MarkupScan.stringEnd(text, j);
                        continue;
                    }
                    if (c == '}' && j + 1 < text.length() && text.charAt(j + 1) == '}') {
                        if (brackets.isEmpty() || brackets.charAt(brackets.length() - 1) != '{') {
                            // the end, or a syntax error (Jinja2: "unexpected '}'") that Jinjava reports here
                            j += 2;
                            break;
                        }
                        if (out == null) {
                            out = new StringBuilder(text.length() + 8);
                        }
                        out.append(text, copied, j + 1).append(' ');
                        copied = j + 1;
                    }
                    if (c == '(' || c == '[' || c == '{') {
                        brackets.append(c);
                    } else if ((c == ')' || c == ']' || c == '}') && !brackets.isEmpty()) {
                        brackets.setLength(brackets.length() - 1);
                    }
                    j++;
                }
                i = j;
            } else {
                i = open + 1;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }
}
