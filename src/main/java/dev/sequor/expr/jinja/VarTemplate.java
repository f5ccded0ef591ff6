package dev.sequor.expr.jinja;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.expr.ExprScope;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template made only of text and {@code {{ var('name') }}} expressions, optionally reaching into the variable's
 * map or row ({@code {{ var('row').id }}}, {@code {{ var('user')['first name'] }}}), which is how most flows and source
 * files use Jinja (URLs, credentials, table names, request bodies of for_each rows). It renders here, without
 * Jinjava, to exactly what {@link Templates} renders and with the same errors, so a run whose templates are all like
 * this never starts Jinjava (creating it and checking the first template cost 0.1-0.2 s of every such run) and a
 * render costs a string lookup instead of 50 µs. {@link #parse} accepts only what it can render exactly; anything
 * else at render time (a value it cannot print exactly, a missing key, a value that is not a map) makes
 * {@link #render} return null, and the caller renders with Jinjava, which prints or reports it.
 * Immutable and thread-safe.
 */
public final class VarTemplate {

    /** <code>{{ var('name')</code> at the start of an expression; no whitespace control, escapes or nested quotes. */
    private static final Pattern VAR = Pattern.compile("\\{\\{[ \\t]*var\\([ \\t]*(['\"])([^'\"\\\\\\n\\r{}]+)\\1[ \\t]*\\)");
    /** One step into the value: {@code .name} or {@code ['name']}. */
    private static final Pattern KEY = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\[[ \\t]*(['\"])([^'\"\\\\\\n\\r{}]+)\\2[ \\t]*]");
    private static final Pattern END = Pattern.compile("[ \\t]*}}");
    /**
     * Words Jinjava's expression language reads as operators or literals, so {@code .empty} after a value is a syntax
     * error there ({@code ['empty']} is not): such templates go to Jinjava, which reports it.
     */
    private static final Set<String> RESERVED = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true",
            "false", "null", "instanceof", "empty", "div", "mod", "is", "in", "if", "else", "True", "False", "None",
            "none");

    /** One {@code {{ var('name').key1['key2'] }}}, on line {@code line} (1-based) of the template. */
    private record Expression(String name, List<String> keys, int line) {
    }

    private final SourcePos pos;
    /** The text around the expressions: one more than {@link #expressions}. */
    private final List<String> texts;
    private final List<Expression> expressions;

    private VarTemplate(SourcePos pos, List<String> texts, List<Expression> expressions) {
        this.pos = pos;
        this.texts = texts;
        this.expressions = expressions;
    }

    /** The template when {@code text} is only text and {@code var('...')} expressions, else null. */
    public static VarTemplate parse(String text, SourcePos pos) {
        String body = JinjaMarkup.normalized(text);
        List<String> texts = new ArrayList<>();
        List<Expression> expressions = new ArrayList<>();
        Matcher var = VAR.matcher(body);
        Matcher key = KEY.matcher(body);
        Matcher end = END.matcher(body);
        int from = 0;
        int line = 1;
        while (true) {
            int open = body.indexOf("{{", from);
            String literal = body.substring(from, open < 0 ? body.length() : open);
            if (!plainText(literal, !expressions.isEmpty(), open >= 0)) {
                return null;
            }
            texts.add(literal);
            line += newlines(literal);
            if (open < 0) {
                return expressions.isEmpty() ? null : new VarTemplate(pos, List.copyOf(texts), List.copyOf(expressions));
            }
            if (!var.region(open, body.length()).lookingAt()) {
                return null;
            }
            List<String> keys = new ArrayList<>();
            int at = var.end();
            while (key.region(at, body.length()).lookingAt()) {
                if (key.group(1) != null && RESERVED.contains(key.group(1))) {
                    return null;
                }
                keys.add(key.group(1) != null ? key.group(1) : key.group(3));
                at = key.end();
            }
            if (!end.region(at, body.length()).lookingAt()) {
                return null;
            }
            expressions.add(new Expression(var.group(2), List.copyOf(keys), line));
            from = end.end();
        }
    }

    /**
     * Text with no Jinja markup of its own; next to an expression it must not add a brace to the delimiter
     * (<code>{{{</code> or <code>}}}</code>), which Jinja and Jinjava may read differently.
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
     * Values whose printed form is the same whether Jinjava prints them or {@link PythonStr} does (VarTemplateTest
     * compares them): text, numbers and booleans. Lists, maps, dates and None are left to Jinjava, which may wrap them
     * before printing.
     */
    private static boolean printedAsPython(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof BigInteger || value instanceof Double || value instanceof Float
                || value instanceof BigDecimal;
    }

    /**
     * The rendered text; null when Jinjava must render it: a key the map or row lacks, a value that is not a map or
     * row but has a key asked of it, or a printed value of a kind whose printing is left to Jinjava (anything but
     * text, numbers and booleans). A variable that is not defined fails as {@link Templates#render} does.
     */
    public String render(ExprScope scope) {
        StringBuilder out = new StringBuilder(texts.getFirst());
        for (int i = 0; i < expressions.size(); i++) {
            Expression e = expressions.get(i);
            Object value;
            try {
                value = scope.var(e.name());
            } catch (SequorException failure) {
                throw TemplateFailures.renderError(pos, e.line(), failure);
            }
            for (String key : e.keys()) {
                // a Row is a Map: both look a key up as the templates' resolver does when the key is there
                if (!(value instanceof Map<?, ?> map) || !map.containsKey(key)) {
                    return null;
                }
                value = map.get(key);
            }
            if (!printedAsPython(value)) {
                return null;
            }
            // what Jinjava's output goes through too (PythonOutputInterpreter.getAsString)
            out.append(PythonStr.str(value)).append(texts.get(i + 1));
        }
        return out.toString();
    }
}
