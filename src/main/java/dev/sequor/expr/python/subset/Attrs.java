package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.time.temporal.Temporal;

/**
 * Attribute reads and method calls. {@code obj.name(args)} is dispatched straight to the type's method table
 * without making a bound method, since it is by far the most common form.
 */
public final class Attrs {

    /** What a method table answers for a name it does not have. */
    static final Object NO_METHOD = new Object();

    /** What getAttr answers for an attribute whose value is None (null there means "no such attribute"). */
    static final Object NONE = new Object();

    private Attrs() {
    }

    /** {@code obj.name}; AttributeError when there is none. */
    public static Object get(Object obj, String name) {
        Object v;
        if (obj instanceof PyObject o) {
            v = o.getAttr(name);
        } else if (obj instanceof String) {
            v = StrMethods.has(name) ? new BoundMethod(obj, name) : null;
        } else if (obj instanceof Long || obj instanceof java.math.BigInteger || obj instanceof Boolean
                || obj instanceof Double) {
            v = NumberMethods.attr(obj, name);
        } else if (obj instanceof BigDecimal || obj instanceof Temporal) {
            v = obj instanceof BigDecimal ? NumberMethods.attr(obj, name) : TemporalMethods.attr((Temporal) obj, name);
        } else {
            v = null;
        }
        if (v == null) {
            throw PyExc.noAttribute(obj, name);
        }
        return v == NONE ? null : v;
    }

    /** True for the built-in types whose methods {@link #callMethod} dispatches by table. */
    static boolean hasMethodTable(Object obj) {
        return obj instanceof String || obj instanceof PyList || obj instanceof PyDict || obj instanceof PySet
                || obj instanceof PyTuple || obj instanceof PyBytes;
    }

    /** Whether the table of {@code obj}'s type (one with {@link #hasMethodTable}) has the method. */
    static boolean tableHas(Object obj, String name) {
        if (obj instanceof String) {
            return StrMethods.has(name);
        }
        if (obj instanceof PyList) {
            return ListMethods.has(name);
        }
        if (obj instanceof PyDict) {
            return DictMethods.has(name);
        }
        if (obj instanceof PySet) {
            return SetMethods.has(name);
        }
        if (obj instanceof PyTuple) {
            return name.equals("count") || name.equals("index");
        }
        return BytesMethods.has(name);
    }

    /** {@code obj.name(args)}. */
    public static Object callMethod(Object obj, String name, Object[] args, Kwargs kwargs) {
        Object result;
        if (obj instanceof String s) {
            result = StrMethods.call(s, name, args, kwargs);
        } else if (obj instanceof PyList l) {
            result = ListMethods.call(l, name, args, kwargs);
        } else if (obj instanceof PyDict d) {
            result = DictMethods.call(d, name, args, kwargs);
        } else if (obj instanceof PySet s) {
            result = SetMethods.call(s, name, args, kwargs);
        } else if (obj instanceof PyTuple t) {
            result = ListMethods.callTuple(t, name, args, kwargs);
        } else if (obj instanceof PyBytes b) {
            result = BytesMethods.call(b, name, args, kwargs);
        } else if (obj instanceof Temporal t && !(obj instanceof PyObject)) {
            result = TemporalMethods.call(t, name, args, kwargs);
        } else if (obj instanceof Long || obj instanceof java.math.BigInteger || obj instanceof Boolean
                || obj instanceof Double || obj instanceof BigDecimal) {
            result = NumberMethods.call(obj, name, args, kwargs);
        } else {
            return Calls.call(get(obj, name), args, kwargs);
        }
        if (result == NO_METHOD) {
            throw PyExc.noAttribute(obj, name);
        }
        return result;
    }
}
