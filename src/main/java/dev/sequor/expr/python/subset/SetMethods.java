package dev.sequor.expr.python.subset;

/** PLACEHOLDER: methods of PySet (being written). */
final class SetMethods {

    private SetMethods() {
    }

    static boolean has(String name) {
        return false;
    }

    static Object call(PySet self, String name, Object[] args, Kwargs kwargs) {
        return Attrs.NO_METHOD;
    }

    static Object operator(dev.sequor.expr.python.syntax.Node.BinOperator op, PySet a, PySet b) {
        throw PyExc.unsupported(op.symbol, a, b);
    }
}
