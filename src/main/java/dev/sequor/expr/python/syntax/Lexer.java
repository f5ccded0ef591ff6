package dev.sequor.expr.python.syntax;

import dev.sequor.expr.python.syntax.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a snippet into tokens the way CPython 3.12's tokenizer does, for the subset: NEWLINE at the end of each
 * logical line, INDENT/DEDENT in function bodies, implicit line joining inside brackets, backslash continuation,
 * comments skipped. Forms the tokenizer would accept but the subset leaves out (complex numbers, non-ASCII names,
 * tab indentation) are {@link OutsideSubset}; text Python would reject is {@link InvalidSyntax}.
 */
final class Lexer {

    enum Mode {
        /** The stripped code of an expression snippet: NEWLINEs but no indentation tracking. */
        EXPRESSION,
        /**
         * A function body: Sequor wraps it in {@code def evaluate(...):} and indents every non-blank line by four
         * spaces, so the first logical line sets the base indentation and continuation lines inside multi-line
         * strings gain those four spaces too.
         */
        BODY,
        /** The expression of an f-string replacement field: implicitly joined as if inside parentheses. */
        FSTRING_EXPRESSION
    }

    private static final int MAX_BRACKET_DEPTH = 200; // CPython: "too many nested parentheses"
    private static final int MAX_INDENT_DEPTH = 100; // CPython: "too many levels of indentation"
    private static final String BODY_INDENT = "    ";

    private final String src;
    private final Mode mode;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line;
    private final char[] brackets = new char[MAX_BRACKET_DEPTH];
    private int bracketDepth;
    private final int[] indents = new int[MAX_INDENT_DEPTH + 1];
    private int indentTop = -1; // -1 until the first logical line sets the base indentation

    private Lexer(String src, Mode mode, int firstLine) {
        this.src = src;
        this.mode = mode;
        this.line = firstLine;
    }

    /** The tokens of {@code src}, ending with END; {@code firstLine} is the line number of its first line. */
    static List<Token> tokenize(String src, Mode mode, int firstLine) {
        if (src.indexOf('\0') >= 0) {
            throw new InvalidSyntax(firstLine, "source code cannot contain null bytes");
        }
        if (src.indexOf('\r') >= 0) {
            throw new OutsideSubset(firstLine, "carriage return characters in the code");
        }
        Lexer lexer = new Lexer(src, mode, firstLine);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        boolean atLineStart = mode != Mode.FSTRING_EXPRESSION;
        int n = src.length();
        while (true) {
            if (atLineStart && bracketDepth == 0) {
                if (!startLogicalLine()) {
                    break;
                }
                atLineStart = false;
            }
            if (pos >= n) {
                break;
            }
            char c = src.charAt(pos);
            switch (c) {
                case ' ', '\t', '\f' -> pos++;
                case '\n' -> {
                    pos++;
                    if (bracketDepth == 0 && mode != Mode.FSTRING_EXPRESSION) {
                        add(Kind.NEWLINE, "NEWLINE", null);
                        atLineStart = true;
                    }
                    line++;
                }
                case '#' -> skipComment();
                case '\\' -> lineContinuation();
                case '"', '\'' -> string(pos, "");
                default -> {
                    if (isAsciiLetter(c) || c == '_') {
                        nameOrPrefixedString();
                    } else if (isDigit(c) || (c == '.' && pos + 1 < n && isDigit(src.charAt(pos + 1)))) {
                        NumberLiterals number = new NumberLiterals(src, pos, line);
                        Object value = number.scan();
                        add(Kind.NUMBER, src.substring(pos, number.end()), value);
                        pos = number.end();
                    } else if (c >= 128) {
                        if (Character.isUnicodeIdentifierStart(c) || Character.isHighSurrogate(c)) {
                            throw new OutsideSubset(line, "non-ASCII names");
                        }
                        throw new InvalidSyntax(line, "invalid character '" + c + "'");
                    } else {
                        operator(c);
                    }
                }
            }
        }
        finish();
    }

    /**
     * At the start of a physical line outside brackets: skips blank and comment-only lines and, in a body, turns
     * the indentation of the next logical line into INDENT/DEDENT tokens. False at the end of the code.
     */
    private boolean startLogicalLine() {
        int n = src.length();
        while (true) {
            int col = 0;
            boolean tabs = false;
            while (pos < n && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t' || src.charAt(pos) == '\f')) {
                tabs |= src.charAt(pos) != ' ';
                col++;
                pos++;
            }
            if (pos >= n) {
                return false;
            }
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                continue;
            }
            if (c == '#') {
                skipComment();
                continue;
            }
            if (c == '\\') {
                throw new OutsideSubset(line, "a line that starts with a backslash continuation");
            }
            if (mode == Mode.EXPRESSION && col > 0) {
                // the stripped code can still start with a comment line and an indented expression
                throw new InvalidSyntax(line, "unexpected indent");
            }
            if (mode == Mode.BODY) {
                if (tabs) {
                    throw new OutsideSubset(line, "tabs in indentation");
                }
                indent(col);
            }
            return true;
        }
    }

    private void indent(int col) {
        if (indentTop < 0) {
            indents[indentTop = 0] = col;
        } else if (col > indents[indentTop]) {
            if (indentTop == MAX_INDENT_DEPTH) {
                throw new OutsideSubset(line, "too many levels of indentation");
            }
            indents[++indentTop] = col;
            add(Kind.INDENT, "INDENT", null);
        } else {
            while (col < indents[indentTop]) {
                if (indentTop == 0) {
                    throw new InvalidSyntax(line, "unindent does not match any outer indentation level");
                }
                indentTop--;
                add(Kind.DEDENT, "DEDENT", null);
            }
            if (col != indents[indentTop]) {
                throw new InvalidSyntax(line, "unindent does not match any outer indentation level");
            }
        }
    }

    private void finish() {
        if (bracketDepth > 0) {
            throw new InvalidSyntax(line, "'" + brackets[bracketDepth - 1] + "' was never closed");
        }
        if (mode != Mode.FSTRING_EXPRESSION && !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != Kind.NEWLINE) {
            add(Kind.NEWLINE, "NEWLINE", null);
        }
        for (; indentTop > 0; indentTop--) {
            add(Kind.DEDENT, "DEDENT", null);
        }
        add(Kind.END, "END", null);
    }

    private void add(Kind kind, String text, Object value) {
        tokens.add(new Token(kind, text, line, value));
    }

    private void skipComment() {
        int end = src.indexOf('\n', pos);
        pos = end < 0 ? src.length() : end;
    }

    private void lineContinuation() {
        if (pos + 1 >= src.length()) {
            throw new InvalidSyntax(line, "unexpected end of code after line continuation character");
        }
        if (src.charAt(pos + 1) != '\n') {
            throw new InvalidSyntax(line, "unexpected character after line continuation character");
        }
        pos += 2;
        line++;
    }

    // ---------------------------------------------------------------- names and strings

    private void nameOrPrefixedString() {
        int start = pos;
        int n = src.length();
        while (pos < n && isNameChar(src.charAt(pos))) {
            pos++;
        }
        if (pos < n && src.charAt(pos) >= 128 && Character.isUnicodeIdentifierPart(src.charAt(pos))) {
            throw new OutsideSubset(line, "non-ASCII names");
        }
        String name = src.substring(start, pos);
        if (pos < n && (src.charAt(pos) == '"' || src.charAt(pos) == '\'') && StringLiterals.isPrefix(name)) {
            string(pos, name);
        } else {
            add(Kind.NAME, name, null);
        }
    }

    /** Scans the string literal whose opening quote is at {@code quotePos}. */
    private void string(int quotePos, String prefix) {
        int n = src.length();
        char quote = src.charAt(quotePos);
        boolean triple = quotePos + 2 < n && src.charAt(quotePos + 1) == quote && src.charAt(quotePos + 2) == quote;
        int startLine = line;
        int contentStart = quotePos + (triple ? 3 : 1);
        pos = contentStart;
        StringBuilder content = null; // only when a body's indentation is added to continuation lines
        int segmentStart = contentStart;
        while (true) {
            if (pos >= n) {
                throw new InvalidSyntax(startLine, triple ? "unterminated triple-quoted string literal"
                        : "unterminated string literal");
            }
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < n && src.charAt(pos + 1) != '\n') {
                pos += 2; // an escaped character never ends the string, in raw strings too
                continue;
            }
            if (c == '\\' || c == '\n') {
                int newline = c == '\n' ? pos : pos + 1;
                if (c == '\n' && !triple) {
                    throw new InvalidSyntax(startLine, "unterminated string literal");
                }
                pos = newline + 1;
                line++;
                if (mode == Mode.BODY && !isBlankLine(pos)) {
                    if (content == null) {
                        content = new StringBuilder();
                    }
                    content.append(src, segmentStart, pos).append(BODY_INDENT);
                    segmentStart = pos;
                }
                continue;
            }
            if (c == quote && (!triple || (pos + 2 < n && src.charAt(pos + 1) == quote && src.charAt(pos + 2) == quote))) {
                break;
            }
            pos++;
        }
        String body = content == null ? src.substring(contentStart, pos)
                : content.append(src, segmentStart, pos).toString();
        pos += triple ? 3 : 1;
        // the token's line is where the string starts; `line` already counts the newlines inside it
        tokens.add(new Token(Kind.STRING, "string", startLine, StringLiterals.piece(prefix, body, startLine)));
    }

    /** Whether the physical line starting at {@code from} is blank in Python's {@code str.strip()} sense. */
    private boolean isBlankLine(int from) {
        for (int i = from; i < src.length() && src.charAt(i) != '\n'; i++) {
            if (!StringLiterals.isPythonSpace(src.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- operators

    private void operator(char c) {
        String op = switch (c) {
            case '(', '[', '{' -> {
                if (bracketDepth == MAX_BRACKET_DEPTH) {
                    throw new OutsideSubset(line, "too many nested brackets");
                }
                brackets[bracketDepth++] = c;
                yield c == '(' ? "(" : c == '[' ? "[" : "{";
            }
            case ')', ']', '}' -> {
                char open = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (bracketDepth == 0) {
                    throw new InvalidSyntax(line, "unmatched '" + c + "'");
                }
                if (brackets[bracketDepth - 1] != open) {
                    throw new InvalidSyntax(line, "closing parenthesis '" + c + "' does not match opening parenthesis '"
                            + brackets[bracketDepth - 1] + "'");
                }
                bracketDepth--;
                yield c == ')' ? ")" : c == ']' ? "]" : "}";
            }
            case '+' -> next('=') ? "+=" : "+";
            case '-' -> next('=') ? "-=" : next('>') ? "->" : "-";
            case '*' -> next('*') ? (next2('=') ? "**=" : "**") : next('=') ? "*=" : "*";
            case '/' -> next('/') ? (next2('=') ? "//=" : "//") : next('=') ? "/=" : "/";
            case '<' -> next('<') ? (next2('=') ? "<<=" : "<<") : next('=') ? "<=" : next('>') ? "<>" : "<";
            case '>' -> next('>') ? (next2('=') ? ">>=" : ">>") : next('=') ? ">=" : ">";
            case '%' -> next('=') ? "%=" : "%";
            case '&' -> next('=') ? "&=" : "&";
            case '|' -> next('=') ? "|=" : "|";
            case '^' -> next('=') ? "^=" : "^";
            case '@' -> next('=') ? "@=" : "@";
            case '=' -> next('=') ? "==" : "=";
            case ':' -> {
                if (next('=')) {
                    throw new OutsideSubset(line, "the walrus operator ':='");
                }
                yield ":";
            }
            case '!' -> {
                if (!next('=')) {
                    throw new InvalidSyntax(line, "invalid syntax near '!'");
                }
                yield "!=";
            }
            case '.' -> next('.') && next2('.') ? "..." : ".";
            case ',' -> ",";
            case ';' -> ";";
            case '~' -> "~";
            default -> throw new InvalidSyntax(line, "invalid character '" + c + "'");
        };
        if (op.equals("<>")) {
            throw new InvalidSyntax(line, "invalid syntax near '<>'");
        }
        pos += op.length();
        add(Kind.OP, op, null);
    }

    private boolean next(char c) {
        return pos + 1 < src.length() && src.charAt(pos + 1) == c;
    }

    private boolean next2(char c) {
        return pos + 2 < src.length() && src.charAt(pos + 2) == c;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNameChar(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '_';
    }
}
