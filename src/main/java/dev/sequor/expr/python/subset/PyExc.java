package dev.sequor.expr.python.subset;

/**
 * A Python exception, both as the value a snippet can build ({@code ValueError("bad")}) and as the Java exception
 * that unwinds the evaluator when it is raised. Its {@link #getMessage()} is Python's {@code str(e)}, so the user
 * sees {@code Error evaluating 'K': ValueError: bad} exactly as with GraalPy.
 */
public final class PyExc extends RuntimeException implements PyObject {

    private final PyExcType type;
    private final Object[] args;
    private RuntimeException hostCause;

    public PyExc(PyExcType type, Object... args) {
        super(null, null, false, false); // Python errors are values; the Java stack says nothing useful
        this.type = type;
        this.args = args;
    }

    /** An error of Sequor's own (a failed query, an undefined variable) as a Python exception; text kept as is. */
    public static PyExc sequorError(RuntimeException cause) {
        PyExc e = new PyExc(PyExcType.SEQUOR_ERROR, cause.getMessage());
        e.hostCause = cause;
        return e;
    }

    /** The Java exception behind a {@link #sequorError}, else null. */
    public RuntimeException hostCause() {
        return hostCause;
    }

    public PyExcType type() {
        return type;
    }

    public Object[] args() {
        return args;
    }

    /** Python's {@code str(e)}: the one argument's str (a KeyError's repr), or the repr of the args tuple. */
    @Override
    public String getMessage() {
        if (args.length == 0) {
            return "";
        }
        if (args.length == 1) {
            return type.isSubclassOf(PyExcType.KEY_ERROR) ? Py.repr(args[0]) : Py.str(args[0]);
        }
        return Py.repr(new PyTuple(args));
    }

    /** Python's {@code repr(e)}, e.g. {@code ValueError('bad')}. */
    public String repr() {
        if (args.length == 1) {
            return type.name() + "(" + Py.repr(args[0]) + ")";
        }
        String inner = Py.repr(new PyTuple(args));
        return type.name() + (args.length == 0 ? "()" : inner);
    }

    @Override
    public String typeName() {
        return type.name();
    }

    @Override
    public Object getAttr(String name) {
        return "args".equals(name) ? new PyTuple(args) : null;
    }

    public static PyExc typeError(String message) {
        return new PyExc(PyExcType.TYPE_ERROR, message);
    }

    public static PyExc valueError(String message) {
        return new PyExc(PyExcType.VALUE_ERROR, message);
    }

    public static PyExc indexError(String message) {
        return new PyExc(PyExcType.INDEX_ERROR, message);
    }

    public static PyExc keyError(Object key) {
        return new PyExc(PyExcType.KEY_ERROR, key);
    }

    public static PyExc zeroDivision(String message) {
        return new PyExc(PyExcType.ZERO_DIVISION_ERROR, message);
    }

    public static PyExc overflow(String message) {
        return new PyExc(PyExcType.OVERFLOW_ERROR, message);
    }

    public static PyExc nameError(String name) {
        return new PyExc(PyExcType.NAME_ERROR, "name '" + name + "' is not defined");
    }

    /** {@code 'int' object has no attribute 'x'} for the value's type. */
    public static PyExc noAttribute(Object value, String name) {
        if (value instanceof PyModule m) {
            return new PyExc(PyExcType.ATTRIBUTE_ERROR, "module '" + m.name() + "' has no attribute '" + name + "'");
        }
        if (value instanceof PyType t) {
            return new PyExc(PyExcType.ATTRIBUTE_ERROR, "type object '" + t.name() + "' has no attribute '" + name + "'");
        }
        return new PyExc(PyExcType.ATTRIBUTE_ERROR, "'" + Py.typeName(value) + "' object has no attribute '" + name + "'");
    }

    /** {@code unsupported operand type(s) for +: 'int' and 'str'}. */
    public static PyExc unsupported(String op, Object a, Object b) {
        return typeError("unsupported operand type(s) for " + op + ": '" + Py.typeName(a) + "' and '" + Py.typeName(b) + "'");
    }
}
