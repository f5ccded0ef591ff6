package dev.sequor.expr.jinja;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2's {@code title}: each word upper-cased at its first character and lowered after it, where a word begins
 * after whitespace, {@code -}, or an opening bracket ({@code hello-world} is {@code Hello-World}); Jinjava's began
 * words only after whitespace.
 */
final class PythonTitleFilter extends Jinja2Filter {

    /** Jinja2's {@code _word_beginning_split_re}; {@code \s} is Unicode whitespace there, as in Python's re. */
    private static final Pattern WORD_BEGINNING = Pattern.compile("[-\\s({\\[<]+", Pattern.UNICODE_CHARACTER_CLASS);

    PythonTitleFilter() {
        super("title");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        String s = PythonStr.str(value);
        StringBuilder out = new StringBuilder(s.length());
        Matcher separator = WORD_BEGINNING.matcher(s);
        int from = 0;
        while (separator.find()) {
            appendWord(out, s.substring(from, separator.start()));
            appendWord(out, separator.group());
            from = separator.end();
        }
        appendWord(out, s.substring(from));
        return out.toString();
    }

    private static void appendWord(StringBuilder out, String word) {
        if (!word.isEmpty()) {
            int first = word.offsetByCodePoints(0, 1);
            out.append(word.substring(0, first).toUpperCase(Locale.ROOT)).append(word.substring(first).toLowerCase(Locale.ROOT));
        }
    }
}
