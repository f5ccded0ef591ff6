package dev.sequor.expr.python.syntax;

/**
 * The snippet is not valid Python where the parser stands (as opposed to valid Python outside the subset, which
 * is an {@link OutsideSubset} straight away). Internal: {@link Parser#parseSnippet} needs the difference, because
 * code that is not a valid expression is tried again as a function body, and turns whatever is left into an
 * OutsideSubset so GraalPy reports the real syntax error.
 */
final class InvalidSyntax extends RuntimeException {

    final int line;

    InvalidSyntax(int line, String reason) {
        super(reason, null, false, false); // control flow: no stack trace needed
        this.line = line;
    }

    OutsideSubset toOutsideSubset() {
        return new OutsideSubset(line, "invalid syntax: " + getMessage());
    }
}
