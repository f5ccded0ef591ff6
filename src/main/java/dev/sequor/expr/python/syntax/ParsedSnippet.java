package dev.sequor.expr.python.syntax;

import java.util.List;

/**
 * A parsed snippet: either an expression whose value the snippet returns, or the statements of a function body
 * (a body without {@code return} returns None). Exactly one of the two is non-null.
 */
public record ParsedSnippet(Node.Expr expression, List<Node.Stmt> body) {

    public ParsedSnippet {
        if ((expression == null) == (body == null)) {
            throw new IllegalArgumentException("exactly one of expression and body must be given");
        }
        body = body == null ? null : List.copyOf(body);
    }

    public boolean isExpression() {
        return expression != null;
    }
}
