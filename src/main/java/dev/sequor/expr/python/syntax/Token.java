package dev.sequor.expr.python.syntax;

/**
 * One token of a snippet, as Python's tokenizer would produce it.
 *
 * @param kind  what the token is
 * @param text  the source text for NAME, NUMBER and OP tokens (operators are literals, e.g. {@code "**="}); for
 *              other kinds a short description used in error messages
 * @param line  the 1-based line the token starts on
 * @param value the number for NUMBER ({@code Long}, {@code BigInteger} or {@code Double}), a
 *              {@link StringLiterals.Piece} for STRING, else null
 */
record Token(Kind kind, String text, int line, Object value) {

    enum Kind {
        NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, END
    }

    boolean isOp(String op) {
        return kind == Kind.OP && text.equals(op);
    }

    /** A NAME token with this text: hard keywords are NAME tokens too, the parser tells them apart. */
    boolean isName(String name) {
        return kind == Kind.NAME && text.equals(name);
    }

    /** How the token is shown in an error message: {@code 'x'}, or the kind for layout tokens. */
    String describe() {
        return switch (kind) {
            case NAME, OP -> "'" + text + "'";
            case NUMBER -> "number";
            case STRING -> "string";
            case NEWLINE -> "end of line";
            case INDENT -> "indent";
            case DEDENT -> "dedent";
            case END -> "end of snippet";
        };
    }
}
