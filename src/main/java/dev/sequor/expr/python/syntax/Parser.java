package dev.sequor.expr.python.syntax;

import dev.sequor.expr.python.syntax.Node.Expr;
import dev.sequor.expr.python.syntax.Node.Stmt;
import dev.sequor.expr.python.syntax.Token.Kind;
import java.util.List;

/**
 * Parses snippets into {@link Node} trees. Hand-written recursive descent over Python 3.12's grammar, restricted
 * to the subset: anything else, valid Python or not, is an {@link OutsideSubset} and runs on GraalPy unchanged.
 */
public final class Parser {

    private Parser() {
    }

    /**
     * Parses a snippet by upstream Sequor's rule: if {@code code.strip()} is a single Python expression, the
     * snippet is that expression and returns its value; otherwise the code is the body of a function (each
     * non-blank line indented by four spaces under a {@code def}), which returns what its {@code return}
     * statements return. Line numbers are 1-based within the stripped code for an expression, within
     * {@code code} for a body.
     *
     * @throws OutsideSubset when the snippet uses a form outside the subset or is not valid Python
     */
    public static ParsedSnippet parseSnippet(String code) {
        String stripped = strip(code, true);
        try {
            return new ParsedSnippet(expressionSnippet(stripped), null);
        } catch (InvalidSyntax notAnExpression) {
            // not an expression: a function body, as upstream then compiles it
        }
        try {
            return new ParsedSnippet(null, body(strip(code, false)));
        } catch (InvalidSyntax e) {
            throw e.toOutsideSubset();
        }
    }

    /** Python's {@code eval} input: {@code expressions NEWLINE* ENDMARKER}. */
    private static Expr expressionSnippet(String stripped) {
        TokenCursor in = new TokenCursor(Lexer.tokenize(stripped, Lexer.Mode.EXPRESSION, 1));
        Expr e = new ExpressionParser(in).expressions();
        in.acceptNewline();
        in.expect(Kind.END, "end of expression");
        return e;
    }

    private static List<Stmt> body(String rstripped) {
        TokenCursor in = new TokenCursor(Lexer.tokenize(rstripped, Lexer.Mode.BODY, 1));
        return new StatementParser(in, new ExpressionParser(in)).body();
    }

    /** The expression of an f-string replacement field, starting on {@code line}: star_expressions in 3.12. */
    static Expr fieldExpression(String text, int line) {
        TokenCursor in = new TokenCursor(Lexer.tokenize(text, Lexer.Mode.FSTRING_EXPRESSION, line));
        if (in.atKeyword("yield")) {
            throw new OutsideSubset(line, "'yield'");
        }
        Expr e = new ExpressionParser(in).starExpressions();
        in.expect(Kind.END, "the end of the f-string expression");
        return e;
    }

    /**
     * Python's {@code str.strip()} (both ends) or {@code str.rstrip()}. Only a body's right end is stripped, so
     * its line numbers and first-line indentation stay those of the code.
     */
    private static String strip(String code, boolean left) {
        int end = code.length();
        while (end > 0 && StringLiterals.isPythonSpace(code.charAt(end - 1))) {
            end--;
        }
        int start = 0;
        while (left && start < end && StringLiterals.isPythonSpace(code.charAt(start))) {
            start++;
        }
        return code.substring(start, end);
    }
}
