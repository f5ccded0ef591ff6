package dev.sequor.expr.jinja;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.expr.ExprScope;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template made only of text and {@code {{ var('name') }}} expressions, which is how most flows and source files
 * use Jinja (URLs, credentials, table names). It renders here, without Jinjava, to exactly what {@link Templates}
 * renders and with the same errors, so a run whose templates are all like this never starts Jinjava (creating it
 * and checking the first template cost 0.1-0.2 s of every such run). {@link #parse} accepts only what it can render
 * exactly; a value it cannot print exactly makes {@link #render} return null, and the caller renders with Jinjava.
 * Immutable and thread-safe.
 */
public final class VarTemplate {

    /** {@code {{ var('name') }}} at the start of the text; no whitespace control, escapes or nested quotes. */
    private static final Pattern VAR = Pattern.compile("\\{\\{[ \\t]*var\\([ \\t]*(['\"])([^'\"\\\\\\n\\r{}]+)\\1[ \\t]*\\)[ \\t]*}}");

    private final SourcePos pos;
    /** The text around the expressions: one more than {@link #names}. */
    private final List<String> texts;
    private final List<String> names;
    /** The template line (1-based) of each expression, for errors. */
    private final List<Integer> lines;

    private VarTemplate(SourcePos pos, List<String> texts, List<String> names, List<Integer> lines) {
        this.pos = pos;
        this.texts = texts;
        this.names = names;
        this.lines = lines;
    }

    /** The template when {@code text} is only text and {@code var('...')} expressions, else null. */
    public static VarTemplate parse(String text, SourcePos pos) {
        String body = JinjaMarkup.withoutTrailingNewline(text);
        List<String> texts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Matcher var = VAR.matcher(body);
        int from = 0;
        int line = 1;
        while (true) {
            int open = body.indexOf("{{", from);
            String literal = body.substring(from, open < 0 ? body.length() : open);
            if (!plainText(literal, !names.isEmpty(), open >= 0)) {
                return null;
            }
            texts.add(literal);
            line += newlines(literal);
            if (open < 0) {
                return names.isEmpty() ? null : new VarTemplate(pos, List.copyOf(texts), List.copyOf(names), List.copyOf(lines));
            }
            if (!var.region(open, body.length()).lookingAt()) {
                return null;
            }
            names.add(var.group(2));
            lines.add(line);
            from = var.end();
        }
    }

    /**
     * Text with no Jinja markup of its own; next to an expression it must not add a brace to the delimiter
     * ({@code {{{} or <code>}}}</code>), which Jinja and Jinjava may read differently.
     */
    private static boolean plainText(String literal, boolean afterExpression, boolean beforeExpression) {
        for (String marker : new String[] {"{%", "{#", "}}", "%}", "#}"}) {
            if (literal.contains(marker)) {
                return false;
            }
        }
        return !(afterExpression && literal.startsWith("}")) && !(beforeExpression && literal.endsWith("{"));
    }

    private static int newlines(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    /**
     * The rendered text; null when a variable's value is of a kind whose printing is left to Jinjava (anything but
     * text, whole numbers and booleans). A variable that is not defined fails as {@link Templates#render} does.
     */
    public String render(ExprScope scope) {
        StringBuilder out = new StringBuilder(texts.getFirst());
        for (int i = 0; i < names.size(); i++) {
            Object value;
            try {
                value = scope.var(names.get(i));
            } catch (SequorException e) {
                throw TemplateFailures.renderError(pos, lines.get(i), e);
            }
            switch (value) {
                case String s -> out.append(s);
                case Boolean b -> out.append(b ? "True" : "False");
                case Long n -> out.append(n.longValue());
                case Integer n -> out.append(n.intValue());
                case BigInteger n -> out.append(n);
                case null, default -> {
                    return null;
                }
            }
            out.append(texts.get(i + 1));
        }
        return out.toString();
    }
}
