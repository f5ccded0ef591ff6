package dev.sequor.expr.python.syntax;

import dev.sequor.expr.python.syntax.Node.Const;
import dev.sequor.expr.python.syntax.Node.Expr;
import dev.sequor.expr.python.syntax.Node.FormattedValue;
import dev.sequor.expr.python.syntax.Node.JoinedStr;
import java.util.ArrayList;
import java.util.List;

/**
 * The inside of one f-string: literal text with {@code {{ }}} and escapes, and replacement fields
 * {@code {expr=!c:spec}} whose spec may hold one level of nested fields. Follows the pre-3.12 rules, which are a
 * strict subset of 3.12's: the lexer ends an f-string at its first unescaped closing quote, so a field reusing
 * the f-string's own quotes is left unclosed here, and backslashes and comments inside a field's expression are
 * left to Python.
 */
final class FStringParser {

    private final String s;
    private final boolean raw;
    private final int firstLine;
    private int pos;

    private FStringParser(String s, boolean raw, int firstLine) {
        this.s = s;
        this.raw = raw;
        this.firstLine = firstLine;
    }

    /** Adds the parts of f-string {@code piece} to {@code out}. */
    static void parse(StringLiterals.Piece piece, Builder out) {
        FStringParser p = new FStringParser(piece.text(), piece.raw(), piece.line());
        p.parts(out, false);
    }

    /**
     * The values of a JoinedStr being built: adjacent literal text is merged into one Const and empty text
     * dropped, as CPython does.
     */
    static final class Builder {
        private final List<Expr> values = new ArrayList<>();
        private StringBuilder pending;
        private int pendingLine;

        void literal(String text, int line) {
            if (text.isEmpty()) {
                return;
            }
            if (pending == null) {
                pending = new StringBuilder();
                pendingLine = line;
            }
            pending.append(text);
        }

        void field(FormattedValue value) {
            flush();
            values.add(value);
        }

        List<Expr> values() {
            flush();
            return values;
        }

        private void flush() {
            if (pending != null) {
                values.add(new Const(pendingLine, pending.toString()));
                pending = null;
            }
        }
    }

    /** Literal text and fields up to the end of the string, or up to the {@code }} that ends a format spec. */
    private void parts(Builder out, boolean inSpec) {
        int n = s.length();
        StringBuilder text = new StringBuilder();
        int textLine = lineAt(pos);
        while (pos < n) {
            char c = s.charAt(pos);
            char next = pos + 1 < n ? s.charAt(pos + 1) : '\0';
            if (c == '{') {
                if (next == '{') {
                    if (inSpec) {
                        throw new OutsideSubset(lineAt(pos), "'{{' inside an f-string format spec");
                    }
                    text.append('{');
                    pos += 2;
                    continue;
                }
                out.literal(decode(text, textLine), textLine);
                text.setLength(0);
                field(out, inSpec);
                textLine = lineAt(pos);
            } else if (c == '}') {
                if (inSpec) {
                    break;
                }
                if (next != '}') {
                    throw new InvalidSyntax(lineAt(pos), "f-string: single '}' is not allowed");
                }
                text.append('}');
                pos += 2;
            } else if (c == '\\' && !raw && next != '\0') {
                if (next == 'N' && pos + 2 < n && s.charAt(pos + 2) == '{') {
                    throw new OutsideSubset(lineAt(pos), "\\N{...} escapes");
                }
                text.append(c);
                // a brace after a backslash is not escaped: it still opens or closes a field
                if (next == '{' || next == '}') {
                    pos++;
                } else {
                    text.append(next);
                    pos += 2;
                }
            } else {
                text.append(c);
                pos++;
            }
        }
        out.literal(decode(text, textLine), textLine);
    }

    private String decode(StringBuilder text, int line) {
        return raw ? text.toString() : StringLiterals.decode(text.toString(), false, line);
    }

    /** A replacement field starting at the {@code {} under {@code pos}. */
    private void field(Builder out, boolean inSpec) {
        int fieldLine = lineAt(pos);
        int exprStart = ++pos;
        skipExpression();
        String exprText = s.substring(exprStart, pos);
        if (exprText.isBlank()) {
            throw new InvalidSyntax(fieldLine, "f-string: valid expression required before '" + s.charAt(pos) + "'");
        }
        Expr value = Parser.fieldExpression(exprText, lineAt(exprStart));
        String debugText = null;
        if (s.charAt(pos) == '=') {
            pos++;
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            debugText = s.substring(exprStart, pos);
        }
        int conversion = -1;
        if (pos < s.length() && s.charAt(pos) == '!') {
            char c = pos + 1 < s.length() ? s.charAt(pos + 1) : '\0';
            if (c != 's' && c != 'r' && c != 'a') {
                throw new InvalidSyntax(fieldLine, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
            conversion = c;
            pos += 2;
        }
        JoinedStr spec = null;
        if (pos < s.length() && s.charAt(pos) == ':') {
            if (inSpec) {
                throw new InvalidSyntax(fieldLine, "f-string: expressions nested too deeply");
            }
            pos++;
            Builder specParts = new Builder();
            parts(specParts, true);
            spec = new JoinedStr(fieldLine, specParts.values());
        }
        if (pos >= s.length() || s.charAt(pos) != '}') {
            throw new InvalidSyntax(fieldLine, "f-string: expecting '}'");
        }
        pos++;
        if (spec != null && !inSpec && pos < s.length() && s.charAt(pos) == '}') {
            throw new OutsideSubset(fieldLine, "'}' right after an f-string format spec");
        }
        if (debugText != null) {
            out.literal(debugText, fieldLine);
            if (conversion == -1 && spec == null) {
                conversion = 'r';
            }
        }
        out.field(new FormattedValue(value.line(), value, conversion, spec));
    }

    /**
     * Moves {@code pos} to the end of a field's expression: the first {@code }}, {@code :}, {@code !} (not
     * {@code !=}) or debugging {@code =} outside brackets and strings.
     */
    private void skipExpression() {
        int n = s.length();
        int depth = 0;
        for (; pos < n; pos++) {
            char c = s.charAt(pos);
            char next = pos + 1 < n ? s.charAt(pos + 1) : '\0';
            switch (c) {
                case '\\' -> throw new OutsideSubset(lineAt(pos), "a backslash inside an f-string expression");
                case '#' -> throw new OutsideSubset(lineAt(pos), "'#' inside an f-string expression");
                case '\'', '"' -> skipString(c);
                case '(', '[', '{' -> depth++;
                case ')', ']' -> {
                    if (depth == 0) {
                        throw new InvalidSyntax(lineAt(pos), "f-string: unmatched '" + c + "'");
                    }
                    depth--;
                }
                case '}' -> {
                    if (depth == 0) {
                        return;
                    }
                    depth--;
                }
                case '!' -> {
                    if (depth == 0 && next != '=') {
                        return;
                    }
                }
                case ':' -> {
                    if (depth == 0) {
                        return;
                    }
                }
                case '=' -> {
                    char prev = s.charAt(pos - 1);
                    if (depth == 0 && next != '=' && "=!<>".indexOf(prev) < 0) {
                        return;
                    }
                }
                default -> { }
            }
        }
        // Python 3.12 lets a field reuse the f-string's quotes (f"{x["a"]}"); the lexer ended the string there
        throw new OutsideSubset(lineAt(pos), "an f-string replacement field not closed within the string "
                + "(reusing the f-string's own quotes inside a field)");
    }

    /** From the opening quote of a string inside a field's expression to its closing quote. */
    private void skipString(char quote) {
        int n = s.length();
        boolean triple = pos + 2 < n && s.charAt(pos + 1) == quote && s.charAt(pos + 2) == quote;
        int start = pos;
        pos += triple ? 3 : 1;
        for (; pos < n; pos++) {
            char c = s.charAt(pos);
            if (c == '\\') {
                throw new OutsideSubset(lineAt(pos), "a backslash inside an f-string expression");
            }
            if (c == quote && (!triple || (pos + 2 < n && s.charAt(pos + 1) == quote && s.charAt(pos + 2) == quote))) {
                if (triple) {
                    pos += 2;
                }
                return;
            }
        }
        throw new InvalidSyntax(lineAt(start), "f-string: unterminated string");
    }

    private int lineAt(int index) {
        int line = firstLine;
        for (int i = 0; i < index && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
