package dev.sequor.expr.python;

/**
 * One snippet to run on both engines, exactly as a flow would hold it: an expression like {@code repr(a + b)}, or a
 * function body whose returns return a repr, so that each engine computes the repr of its own result.
 */
record DiffCase(String label, String code) {

    /** An expression case with no names bound: {@code repr(expr)} as an expression snippet. */
    static DiffCase expression(String label, String expr) {
        return new DiffCase(label, "repr(" + expr + ")");
    }

    /** A case whose setup lines (empty, or ending with a newline) bind names and import modules first. */
    static DiffCase withSetup(String label, String setup, String expr) {
        return setup.isEmpty() ? expression(label, expr) : new DiffCase(label, setup + "return repr(" + expr + ")\n");
    }
}
