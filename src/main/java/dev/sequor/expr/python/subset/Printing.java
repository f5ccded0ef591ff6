package dev.sequor.expr.python.subset;

/**
 * {@code print(*objects, sep=' ', end='\n', file=None, flush=False)} to {@link SnippetOutput}, always flushed.
 * A {@code file=} other than None is refused: snippets have no file objects in the Java evaluator.
 */
final class Printing {

    private Printing() {
    }

    static Object print(Object[] args, Kwargs kwargs) {
        Arity.varArgs("print", args, kwargs, 0, "", "sep", "end", "file", "flush");
        Object sepArg = Arity.kw(kwargs, "sep", null);
        Object endArg = Arity.kw(kwargs, "end", null);
        if (Arity.kw(kwargs, "file", null) != null) {
            throw PyExc.typeError("'file' is an invalid keyword argument for print()");
        }
        if (sepArg != null && !(sepArg instanceof String)) {
            throw PyExc.typeError("sep must be None or a string, not " + Py.typeName(sepArg));
        }
        if (endArg != null && !(endArg instanceof String)) {
            // GraalPy's message names the type of sep, not of end (a GraalPy slip, kept so both evaluators agree)
            throw PyExc.typeError("end must be None or a string, not " + Py.typeName(sepArg));
        }
        String sep = sepArg == null ? " " : (String) sepArg;
        String end = endArg == null ? "\n" : (String) endArg;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(Py.str(args[i]));
        }
        sb.append(end);
        java.io.PrintStream out = SnippetOutput.get();
        out.print(sb);
        out.flush();
        return null;
    }
}
