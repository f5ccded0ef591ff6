package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The built-in classes as values ({@code isinstance(x, dict)}, {@code type(x) is list}, {@code str(5)}), with the
 * instance test for each Java form and the constructor in {@link Constructors}.
 */
public final class PyTypes {

    public static final PyType OBJECT = new PyType("object", null, v -> true, (a, k) -> {
        throw PyExc.typeError("cannot create 'object' instances in snippets");
    });
    public static final PyType INT = new PyType("int", null,
            v -> v instanceof Long || v instanceof BigInteger || v instanceof Boolean, Constructors::toInt);
    public static final PyType BOOL = new PyType("bool", INT, v -> v instanceof Boolean, Constructors::toBool);
    public static final PyType FLOAT = new PyType("float", null, v -> v instanceof Double, Constructors::toFloat);
    public static final PyType STR = new PyType("str", null, v -> v instanceof String, Constructors::toStr);
    public static final PyType BYTES = new PyType("bytes", null, v -> v instanceof PyBytes, Constructors::toBytes);
    public static final PyType LIST = new PyType("list", null, v -> v instanceof PyList, Constructors::toList);
    public static final PyType TUPLE = new PyType("tuple", null, v -> v instanceof PyTuple, Constructors::toTuple);
    public static final PyType DICT = new PyType("dict", null, v -> v instanceof PyDict, Constructors::toDict);
    public static final PyType SET = new PyType("set", null, v -> v instanceof PySet, Constructors::toSet);
    public static final PyType NONE_TYPE = new PyType("NoneType", null, v -> v == null, (a, k) -> {
        Args.positional("NoneType", a, k, 0, 0);
        return null;
    });
    public static final PyType TYPE = new PyType("type", null, v -> v instanceof PyType, Constructors::type);
    public static final PyType FUNCTION = new PyType("function", null, v -> v instanceof PyFunction, null);
    public static final PyType MODULE = new PyType("module", null, v -> v instanceof PyModule, null);
    public static final PyType DECIMAL = new PyType("decimal.Decimal", null, v -> v instanceof BigDecimal,
            Constructors::toDecimal);
    public static final PyType DATE = new PyType("datetime.date", null,
            v -> v instanceof LocalDate || v instanceof LocalDateTime || v instanceof OffsetDateTime, Constructors::toDate);
    public static final PyType DATETIME = new PyType("datetime.datetime", DATE,
            v -> v instanceof LocalDateTime || v instanceof OffsetDateTime, Constructors::toDatetime);
    public static final PyType TIME = new PyType("datetime.time", null, v -> v instanceof LocalTime, Constructors::toTime);

    private PyTypes() {
    }

    static void register(Map<String, Object> builtins) {
        for (PyType t : new PyType[] {OBJECT, INT, BOOL, FLOAT, STR, BYTES, LIST, TUPLE, DICT, SET, TYPE}) {
            builtins.put(t.name(), t);
        }
    }

    /**
     * {@code str.lower}, {@code dict.get}...: a method read from its class, called with the instance first
     * ({@code sorted(names, key=str.lower)}); null when the class has no such method.
     */
    static PyCallable unboundMethod(PyType type, String name) {
        boolean has = type == STR ? StrMethods.has(name)
                : type == LIST ? ListMethods.has(name)
                : type == DICT ? DictMethods.has(name)
                : type == SET ? SetMethods.has(name)
                : type == BYTES ? BytesMethods.has(name)
                : type == TUPLE && (name.equals("count") || name.equals("index"));
        if (!has) {
            return null;
        }
        return (args, kwargs) -> {
            if (args.length == 0) {
                throw PyExc.typeError("unbound method " + type.name() + "." + name + "() needs an argument");
            }
            if (!type.isInstance(args[0])) {
                throw PyExc.typeError("descriptor '" + name + "' for '" + type.name() + "' objects doesn't apply to a '"
                        + Py.typeName(args[0]) + "' object");
            }
            return Attrs.callMethod(args[0], name, java.util.Arrays.copyOfRange(args, 1, args.length), kwargs);
        };
    }

    /** {@code type(v)}. */
    public static PyType of(Object v) {
        if (v == null) {
            return NONE_TYPE;
        }
        if (v instanceof String) {
            return STR;
        }
        if (v instanceof Boolean) {
            return BOOL;
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return INT;
        }
        if (v instanceof Double) {
            return FLOAT;
        }
        if (v instanceof PyList) {
            return LIST;
        }
        if (v instanceof PyDict) {
            return DICT;
        }
        if (v instanceof PyTuple) {
            return TUPLE;
        }
        if (v instanceof PySet) {
            return SET;
        }
        if (v instanceof PyBytes) {
            return BYTES;
        }
        if (v instanceof PyExc e) {
            return e.type();
        }
        if (v instanceof PyType) {
            return TYPE;
        }
        if (v instanceof PyFunction) {
            return FUNCTION;
        }
        if (v instanceof PyModule) {
            return MODULE;
        }
        if (v instanceof BigDecimal) {
            return DECIMAL;
        }
        if (v instanceof LocalDateTime || v instanceof OffsetDateTime) {
            return DATETIME;
        }
        if (v instanceof LocalDate) {
            return DATE;
        }
        if (v instanceof LocalTime) {
            return TIME;
        }
        if (v instanceof PyObject o && o.pythonType() != null) {
            return o.pythonType();
        }
        String name = Py.typeName(v);
        return new PyType(name, null, x -> Py.typeName(x).equals(name) && x.getClass() == v.getClass(), null);
    }
}
