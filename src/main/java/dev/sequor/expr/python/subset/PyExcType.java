package dev.sequor.expr.python.subset;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Python exception class ({@code ValueError}, {@code KeyError}...): callable to make an instance
 * ({@code raise ValueError("bad")}), with its base class for {@code isinstance} and {@code issubclass}.
 * Only the built-in classes exist; snippets cannot define their own (a {@code class} statement is outside the subset).
 */
public final class PyExcType extends PyType {

    private static final Map<String, PyExcType> BY_NAME = new LinkedHashMap<>();

    public static final PyExcType BASE_EXCEPTION = define("BaseException", null);
    public static final PyExcType SYSTEM_EXIT = define("SystemExit", BASE_EXCEPTION);
    public static final PyExcType KEYBOARD_INTERRUPT = define("KeyboardInterrupt", BASE_EXCEPTION);
    public static final PyExcType EXCEPTION = define("Exception", BASE_EXCEPTION);
    public static final PyExcType ARITHMETIC_ERROR = define("ArithmeticError", EXCEPTION);
    public static final PyExcType ZERO_DIVISION_ERROR = define("ZeroDivisionError", ARITHMETIC_ERROR);
    public static final PyExcType OVERFLOW_ERROR = define("OverflowError", ARITHMETIC_ERROR);
    public static final PyExcType ASSERTION_ERROR = define("AssertionError", EXCEPTION);
    public static final PyExcType ATTRIBUTE_ERROR = define("AttributeError", EXCEPTION);
    public static final PyExcType IMPORT_ERROR = define("ImportError", EXCEPTION);
    public static final PyExcType MODULE_NOT_FOUND_ERROR = define("ModuleNotFoundError", IMPORT_ERROR);
    public static final PyExcType LOOKUP_ERROR = define("LookupError", EXCEPTION);
    public static final PyExcType INDEX_ERROR = define("IndexError", LOOKUP_ERROR);
    public static final PyExcType KEY_ERROR = define("KeyError", LOOKUP_ERROR);
    public static final PyExcType NAME_ERROR = define("NameError", EXCEPTION);
    public static final PyExcType UNBOUND_LOCAL_ERROR = define("UnboundLocalError", NAME_ERROR);
    public static final PyExcType RUNTIME_ERROR = define("RuntimeError", EXCEPTION);
    public static final PyExcType NOT_IMPLEMENTED_ERROR = define("NotImplementedError", RUNTIME_ERROR);
    public static final PyExcType RECURSION_ERROR = define("RecursionError", RUNTIME_ERROR);
    public static final PyExcType STOP_ITERATION = define("StopIteration", EXCEPTION);
    public static final PyExcType TYPE_ERROR = define("TypeError", EXCEPTION);
    public static final PyExcType VALUE_ERROR = define("ValueError", EXCEPTION);
    public static final PyExcType UNICODE_ERROR = define("UnicodeError", VALUE_ERROR);
    public static final PyExcType UNICODE_DECODE_ERROR = define("UnicodeDecodeError", UNICODE_ERROR);
    public static final PyExcType UNICODE_ENCODE_ERROR = define("UnicodeEncodeError", UNICODE_ERROR);
    public static final PyExcType MEMORY_ERROR = define("MemoryError", EXCEPTION);
    public static final PyExcType OS_ERROR = define("OSError", EXCEPTION);
    public static final PyExcType PERMISSION_ERROR = define("PermissionError", OS_ERROR);
    /** json.JSONDecodeError is a ValueError subclass; its module-qualified name does not show in messages. */
    public static final PyExcType JSON_DECODE_ERROR = define("JSONDecodeError", VALUE_ERROR).in("json.decoder");
    /** binascii.Error, raised by base64 decoding. */
    public static final PyExcType BINASCII_ERROR = define("Error", VALUE_ERROR).in("binascii");
    /** decimal.InvalidOperation (an ArithmeticError). */
    public static final PyExcType DECIMAL_INVALID_OPERATION = define("InvalidOperation", ARITHMETIC_ERROR).in("decimal");
    /** decimal.DivisionByZero (also a ZeroDivisionError). */
    public static final PyExcType DECIMAL_DIVISION_BY_ZERO = define("DivisionByZero", ZERO_DIVISION_ERROR).in("decimal");

    /**
     * Errors of Sequor's own functions (var, query, Row...), like the prelude's SequorError on GraalPy: their text
     * reaches the user as it is, without a type name.
     */
    public static final PyExcType SEQUOR_ERROR = define("SequorError", EXCEPTION);

    /** The module of a class that is not a builtin ({@code json.decoder}), for its repr; null for builtins. */
    private String module;

    private PyExcType(String name, PyExcType base) {
        super(name, base);
    }

    private PyExcType in(String moduleName) {
        this.module = moduleName;
        return this;
    }

    /** {@code <class 'ValueError'>}, {@code <class 'json.decoder.JSONDecodeError'>}. */
    @Override
    public String repr() {
        return module == null ? super.repr() : "<class '" + module + "." + name() + "'>";
    }

    private static PyExcType define(String name, PyExcType base) {
        PyExcType type = new PyExcType(name, base);
        if (!BY_NAME.containsKey(name)) {
            BY_NAME.put(name, type);
        }
        return type;
    }

    /** The built-in exception classes by name, as the builtins module shows them (not the module-level ones). */
    static Map<String, PyExcType> builtins() {
        Map<String, PyExcType> out = new LinkedHashMap<>(BY_NAME);
        out.remove("JSONDecodeError");
        out.remove("Error");
        out.remove("InvalidOperation");
        out.remove("DivisionByZero");
        out.remove("SequorError");
        return out;
    }

    /** {@code ValueError("a", 1)}: an exception instance holding its arguments. Keyword arguments are refused. */
    @Override
    public Object call(Object[] args, Kwargs kwargs) {
        if (kwargs != null && !kwargs.isEmpty()) {
            throw PyExc.typeError(name() + "() takes no keyword arguments");
        }
        return new PyExc(this, args.clone());
    }

    @Override
    public boolean isInstance(Object value) {
        return value instanceof PyExc e && e.type().isSubclassOf(this);
    }

    public PyExcType baseType() {
        return (PyExcType) base();
    }
}
