package dev.sequor.expr.python.syntax;

import dev.sequor.expr.python.syntax.Token.Kind;
import java.util.List;
import java.util.Set;

/** A position in a snippet's tokens, shared by the expression and statement parsers. */
final class TokenCursor {

    /** Python 3.12's hard keywords: never names. Soft keywords (match, case, type, _) are ordinary names. */
    static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
            "try", "while", "with", "yield");

    private final List<Token> tokens;
    private int pos;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(pos);
    }

    /** The token {@code ahead} places after the current one (END when past the end). */
    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    int line() {
        return peek().line();
    }

    boolean atOp(String op) {
        return peek().isOp(op);
    }

    /** At this keyword (or soft keyword) as a NAME token. */
    boolean atKeyword(String keyword) {
        return peek().isName(keyword);
    }

    boolean at(Kind kind) {
        return peek().kind() == kind;
    }

    boolean acceptOp(String op) {
        if (atOp(op)) {
            pos++;
            return true;
        }
        return false;
    }

    boolean acceptKeyword(String keyword) {
        if (atKeyword(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    void acceptNewline() {
        if (at(Kind.NEWLINE)) {
            pos++;
        }
    }

    void expectOp(String op) {
        if (!acceptOp(op)) {
            throw expected("'" + op + "'");
        }
    }

    void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw expected("'" + keyword + "'");
        }
    }

    void expect(Kind kind, String what) {
        if (!at(kind)) {
            throw expected(what);
        }
        next();
    }

    /** A name that is not a hard keyword, e.g. after {@code def} or {@code .}. */
    String expectName() {
        Token t = peek();
        if (t.kind() != Kind.NAME || KEYWORDS.contains(t.text())) {
            throw expected("a name");
        }
        pos++;
        return checkedName(t);
    }

    boolean atName() {
        Token t = peek();
        return t.kind() == Kind.NAME && !KEYWORDS.contains(t.text());
    }

    /** {@code __debug__} is a name Python refuses to bind; reading it is rare enough to leave to Python too. */
    static String checkedName(Token t) {
        if (t.text().equals("__debug__")) {
            throw new OutsideSubset(t.line(), "'__debug__'");
        }
        return t.text();
    }

    InvalidSyntax expected(String what) {
        Token t = peek();
        return new InvalidSyntax(t.line(), "expected " + what + " near " + t.describe());
    }

    InvalidSyntax unexpected() {
        Token t = peek();
        if (t.kind() == Kind.INDENT) {
            return new InvalidSyntax(t.line(), "unexpected indent");
        }
        return new InvalidSyntax(t.line(), "invalid syntax near " + t.describe());
    }
}
