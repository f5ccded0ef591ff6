package dev.sequor.expr.python.subset;

/**
 * A function of a module the evaluator provides ({@code json.dumps}, {@code math.sqrt}...): a callable that can
 * also be read without calling it ({@code key=math.floor}) and shows as Python shows built-in functions.
 */
record ModuleFunction(String name, PyCallable impl) implements PyObject, PyCallable, Repr.HasRepr {

    @Override
    public Object call(Object[] args, Kwargs kwargs) {
        return impl.call(args, kwargs);
    }

    @Override
    public String typeName() {
        return "builtin_function_or_method";
    }

    @Override
    public Object getAttr(String attr) {
        return "__name__".equals(attr) || "__qualname__".equals(attr) ? name : null;
    }

    @Override
    public String repr() {
        return "<built-in function " + name + ">";
    }

    /** Adds {@code name} as a function of {@code module}. */
    static PyModule def(PyModule module, String name, PyCallable impl) {
        return module.with(name, new ModuleFunction(name, impl));
    }
}
