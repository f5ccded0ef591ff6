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

    /**
     * The text Jinja2 renders from {@code text}: line breaks ({@code \r\n}, {@code \r}) read as {@code \n} and one
     * newline at the very end not output (keep_trailing_newline=False). Upstream renders every string leaf, so this is
     * also what a string without markup becomes ({@code message: |} ends without its newline). Returns {@code text}
     * itself when there is nothing to change, which is the usual case.
     */
    public static String normalized(String text) {
        String s = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
