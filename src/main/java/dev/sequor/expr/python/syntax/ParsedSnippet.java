package dev.sequor.expr.python.syntax;

import java.util.List;

/** A parsed snippet: an expression snippet ({@code expression}) or a function body ({@code body}); one is null. */
public record ParsedSnippet(Node.Expr expression, List<Node.Stmt> body) {
}
