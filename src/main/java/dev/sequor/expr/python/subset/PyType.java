package dev.sequor.expr.python.subset;

import java.util.function.Predicate;

/**
 * A Python class as a value: {@code int}, {@code dict}, {@code ValueError}... Calling it makes an instance;
 * {@code isinstance}, {@code type(x) is dict} and {@code type(x).__name__} work on it. The built-in ones are in
 * {@link PyTypes}.
 */
public class PyType implements PyObject, PyCallable {

    private final String name;
    private final PyType base;
    private final Predicate<Object> instanceTest;
    private final PyCallable constructor;

    /** A built-in class whose instances are recognised by {@code instanceTest} and made by {@code constructor}. */
    PyType(String name, PyType base, Predicate<Object> instanceTest, PyCallable constructor) {
        this.name = name;
        this.base = base;
        this.instanceTest = instanceTest;
        this.constructor = constructor;
    }

    /** For subclasses that override {@link #isInstance} and {@link #call}. */
    PyType(String name, PyType base) {
        this(name, base, v -> false, null);
    }

    public String name() {
        return name;
    }

    public PyType base() {
        return base;
    }

    public boolean isSubclassOf(PyType other) {
        for (PyType t = this; t != null; t = t.base) {
            if (t == other) {
                return true;
            }
        }
        return other == PyTypes.OBJECT;
    }

    public boolean isInstance(Object value) {
        return instanceTest.test(value);
    }

    @Override
    public Object call(Object[] args, Kwargs kwargs) {
        if (constructor == null) {
            throw PyExc.typeError("cannot create '" + name + "' instances");
        }
        return constructor.call(args, kwargs);
    }

    @Override
    public String typeName() {
        return "type";
    }

    @Override
    public Object getAttr(String attr) {
        return switch (attr) {
            case "__name__", "__qualname__" -> name.substring(name.lastIndexOf('.') + 1);
            default -> {
                Object classAttribute = TypeAttributes.get(this, attr);
                yield classAttribute != null ? classAttribute : PyTypes.unboundMethod(this, attr);
            }
        };
    }

    /** {@code <class 'int'>}. */
    public String repr() {
        return "<class '" + name + "'>";
    }

    @Override
    public String toString() {
        return repr();
    }
}
