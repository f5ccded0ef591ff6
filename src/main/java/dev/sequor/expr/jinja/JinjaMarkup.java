package dev.sequor.expr.jinja;

/**
 * Whether a string is a Jinja template. Kept apart from {@link Templates} on purpose: the parser asks this of
 * every string in a flow, and touching {@code Templates} makes the JVM load and verify it, which loads
 * Jinjava's classes even for flows that have no template at all.
 */
public final class JinjaMarkup {

    private JinjaMarkup() {
    }

    /** True when {@code text} contains Jinja markup ({@code {{}, <code>{%</code> or <code>{#</code>). */
    public static boolean isTemplate(String text) {
        return text != null && (text.contains("{{") || text.contains("{%") || text.contains("{#"));
    }

    /** Jinja2's default (keep_trailing_newline=False): one newline at the very end of a template is not output. */
    static String withoutTrailingNewline(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") || text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
