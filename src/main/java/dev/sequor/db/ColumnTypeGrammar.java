package dev.sequor.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The recursive-descent reader behind {@link ColumnType#parse}: it accepts only text that is a type and gives it
 * back in canonical spelling (single spaces, no spaces inside parentheses), or {@code null} for anything else.
 * <pre>
 * type    := base [ "(" int [ "," int ] ")" ] [ ("with" | "without") "time" "zone" ] { "[" [int] "]" }
 * base    := words                                   -- one word, or a multi-word name SQL defines
 *          | ("struct" | "union") "(" field { "," field } ")"
 *          | "map" "(" type "," type ")"
 * field   := name type                               -- name: a word or a "double-quoted" identifier
 * </pre>
 * STRUCT, UNION and MAP are DuckDB's nested types; other databases reject them with their own error.
 */
final class ColumnTypeGrammar {

    /** Nested types deeper than this are refused: no real schema needs it, and it bounds the recursion. */
    private static final int MAX_DEPTH = 16;

    /** Type names of more than one word that PostgreSQL, DuckDB or MariaDB accept (lower case, single spaces). */
    private static final Set<String> MULTI_WORD = Set.of(
            "double precision",
            "character varying",
            "national character",
            "national character varying",
            "bit varying",
            "timestamp with time zone",
            "timestamp without time zone",
            "time with time zone",
            "time without time zone",
            "tinyint unsigned",
            "smallint unsigned",
            "mediumint unsigned",
            "int unsigned",
            "integer unsigned",
            "bigint unsigned");

    /** Only time and timestamp take a precision before their time-zone words. */
    private static final Set<String> ZONED = Set.of("time", "timestamp");

    private final String text;
    private int at;

    private ColumnTypeGrammar(String text) {
        this.text = text;
    }

    /** The canonical spelling of {@code text} if the whole of it is one type, else null. */
    static String canonical(String text) {
        ColumnTypeGrammar reader = new ColumnTypeGrammar(text);
        String type = reader.type(0);
        reader.spaces();
        return type != null && reader.at == text.length() ? type : null;
    }

    private String type(int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        spaces();
        int start = at;
        String first = word();
        if (first == null) {
            return null;
        }
        String lower = first.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        if ((lower.equals("struct") || lower.equals("union") || lower.equals("map")) && peekAfterSpaces('(')) {
            String inner = lower.equals("map") ? mapArgs(depth) : fields(depth);
            if (inner == null) {
                return null;
            }
            out.append(first).append(inner);
        } else {
            at = start;
            String simple = simple();
            if (simple == null) {
                return null;
            }
            out.append(simple);
        }
        return arrays(out);
    }

    /** A named type with its precision and time-zone words. */
    private String simple() {
        List<String> words = words();
        String name = String.join(" ", words);
        String lowerName = name.toLowerCase(Locale.ROOT);
        if (words.size() > 1 && !MULTI_WORD.contains(lowerName)) {
            return null;
        }
        StringBuilder out = new StringBuilder(name);
        if (peekAfterSpaces('(')) {
            String args = precision();
            if (args == null) {
                return null;
            }
            out.append(args);
            int beforeZone = at;
            List<String> zone = words();
            if (!zone.isEmpty()) {
                String zoneText = String.join(" ", zone);
                String lowerZone = zoneText.toLowerCase(Locale.ROOT);
                if (!ZONED.contains(lowerName) || !(lowerZone.equals("with time zone")
                        || lowerZone.equals("without time zone"))) {
                    at = beforeZone;
                    return null;
                }
                out.append(' ').append(zoneText);
            }
        }
        return out.toString();
    }

    /** {@code (p)} or {@code (p,s)}, non-negative integers. */
    private String precision() {
        expect('(');
        String p = digits();
        if (p == null) {
            return null;
        }
        String s = null;
        if (peekAfterSpaces(',')) {
            expect(',');
            s = digits();
            if (s == null) {
                return null;
            }
        }
        return peekAfterSpaces(')') && expect(')') ? "(" + p + (s == null ? "" : "," + s) + ")" : null;
    }

    private String fields(int depth) {
        expect('(');
        StringBuilder out = new StringBuilder("(");
        do {
            spaces();
            String name = at < text.length() && text.charAt(at) == '"' ? quoted() : word();
            String type = name == null ? null : type(depth + 1);
            if (type == null) {
                return null;
            }
            out.append(out.length() == 1 ? "" : ", ").append(name).append(' ').append(type);
        } while (peekAfterSpaces(',') && expect(','));
        return peekAfterSpaces(')') && expect(')') ? out.append(')').toString() : null;
    }

    private String mapArgs(int depth) {
        expect('(');
        String key = type(depth + 1);
        if (key == null || !peekAfterSpaces(',')) {
            return null;
        }
        expect(',');
        String value = type(depth + 1);
        return value != null && peekAfterSpaces(')') && expect(')') ? "(" + key + ", " + value + ")" : null;
    }

    private String arrays(StringBuilder out) {
        while (peekAfterSpaces('[')) {
            expect('[');
            spaces();
            String size = at < text.length() && Character.isDigit(text.charAt(at)) ? digits() : "";
            if (!peekAfterSpaces(']')) {
                return null;
            }
            expect(']');
            out.append('[').append(size).append(']');
        }
        return out.toString();
    }

    /** Consecutive words separated by spaces; stops before anything that is not a word. */
    private List<String> words() {
        List<String> words = new ArrayList<>();
        while (true) {
            int before = at;
            spaces();
            String w = word();
            if (w == null) {
                at = before;
                return words;
            }
            words.add(w);
        }
    }

    private String word() {
        int start = at;
        if (at < text.length() && (Character.isLetter(text.charAt(at)) && text.charAt(at) < 128 || text.charAt(at) == '_')) {
            at++;
            while (at < text.length() && (isAsciiLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            return text.substring(start, at);
        }
        return null;
    }

    /** A double-quoted identifier, {@code ""} inside standing for one quote; given back as written. */
    private String quoted() {
        int start = at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                if (at < text.length() && text.charAt(at) == '"') {
                    at++;
                } else {
                    return at - start > 2 ? text.substring(start, at) : null;
                }
            } else if (c == '\n' || c == '\r' || c == '\0') {
                return null;
            }
        }
        return null;
    }

    private String digits() {
        spaces();
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at > start ? text.substring(start, at) : null;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private boolean peekAfterSpaces(char c) {
        spaces();
        return at < text.length() && text.charAt(at) == c;
    }

    /** Consumes {@code c}, which the caller has just peeked; true so it can end a condition. */
    private boolean expect(char c) {
        spaces();
        at++;
        return true;
    }

    private void spaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
