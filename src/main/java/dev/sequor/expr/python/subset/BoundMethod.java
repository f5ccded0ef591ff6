package dev.sequor.expr.python.subset;

/** {@code obj.method} read without calling it (e.g. {@code f = rows.append}); calling it calls the method. */
public record BoundMethod(Object self, String name) implements PyObject, PyCallable, Repr.HasRepr {

    @Override
    public Object call(Object[] args, Kwargs kwargs) {
        return Attrs.callMethod(self, name, args, kwargs);
    }

    @Override
    public String typeName() {
        return "builtin_function_or_method";
    }

    @Override
    public String repr() {
        return "<built-in method " + name + " of " + Py.typeName(self) + " object>";
    }
}
