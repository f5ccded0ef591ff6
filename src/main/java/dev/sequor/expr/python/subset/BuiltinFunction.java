package dev.sequor.expr.python.subset;

/**
 * A builtin function ({@code len}), a function of a module the evaluator provides ({@code json.dumps}), or a method
 * of a built-in object that has no method table ({@code range.index}), as a value: callable, readable without
 * calling it ({@code key=math.floor}), with Python's type name and repr ({@code <built-in function len>}).
 */
record BuiltinFunction(String name, Object self, boolean isMethod, PyCallable impl)
        implements PyObject, PyCallable, Repr.HasRepr {

    static BuiltinFunction function(String name, PyCallable impl) {
        return new BuiltinFunction(name, null, false, impl);
    }

    static BuiltinFunction method(Object self, String name, PyCallable impl) {
        return new BuiltinFunction(name, self, true, impl);
    }

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
        return isMethod ? "<built-in method " + name + " of " + Py.typeName(self) + " object>"
                : "<built-in function " + name + ">";
    }

    /** Adds {@code name} as a function of {@code module} ({@code json.dumps}, {@code math.sqrt}...). */
    static PyModule def(PyModule module, String name, PyCallable impl) {
        return module.with(name, function(name, impl));
    }
}
