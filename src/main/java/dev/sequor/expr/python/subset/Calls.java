package dev.sequor.expr.python.subset;

/** Calling a value, with Python's error when it is not callable. */
public final class Calls {

    static final Object[] NO_ARGS = new Object[0];

    private Calls() {
    }

    /** How Python names a callable in argument errors: {@code evaluate.<locals>.f}, {@code dict}, {@code len}. */
    static String displayName(Object callee) {
        if (callee instanceof PyFunction f) {
            return (String) f.getAttr("__qualname__");
        }
        if (callee instanceof PyType t) {
            return t.name();
        }
        if (callee instanceof PyObject o && o.getAttr("__name__") instanceof String name) {
            return name;
        }
        if (callee instanceof BoundMethod m) {
            return Py.typeName(m.self()) + "." + m.name();
        }
        return Py.typeName(callee);
    }

    public static Object call(Object callee, Object[] args, Kwargs kwargs) {
        if (callee instanceof PyCallable c) {
            return c.call(args, kwargs);
        }
        throw PyExc.typeError("'" + Py.typeName(callee) + "' object is not callable");
    }
}
