package dev.sequor.expr.python.subset;

/** Calling a value, with Python's error when it is not callable. */
public final class Calls {

    static final Object[] NO_ARGS = new Object[0];

    private Calls() {
    }

    public static Object call(Object callee, Object[] args, Kwargs kwargs) {
        if (callee instanceof PyCallable c) {
            return c.call(args, kwargs);
        }
        throw PyExc.typeError("'" + Py.typeName(callee) + "' object is not callable");
    }
}
