package dev.sequor.expr.python.subset;

import java.util.Map;

/**
 * The builtin functions snippets can call in the Java evaluator, with GraalPy's results and messages. Builtins
 * that reach outside the snippet ({@code open}, {@code input}, {@code eval}, {@code exec}, {@code globals},
 * {@code vars}, {@code dir}, {@code __import__}...) and the iterator protocol ({@code iter}, {@code next}) are
 * deliberately absent: the compiler sends snippets that use them to GraalPy.
 */
final class BuiltinFunctions {

    private static final Arity LEN = Arity.unnamed("len", 1, 1);
    private static final Arity REPR = Arity.unnamed("repr", 1, 1);
    private static final Arity ASCII = Arity.unnamed("ascii", 1, 1);
    private static final Arity CALLABLE = Arity.unnamed("callable", 1, 1);
    private static final Arity FORMAT = Arity.of("format", "object", "format_spec").required(1);
    private static final Arity ISINSTANCE = Arity.unnamed("isinstance", 2, 2);
    private static final Arity ISSUBCLASS = Arity.unnamed("issubclass", 2, 2);
    private static final Arity GETATTR = Arity.unnamed("getattr", 2, 3);
    private static final Arity HASATTR = Arity.unnamed("hasattr", 2, 2);

    private BuiltinFunctions() {
    }

    static void register(Map<String, Object> builtins) {
        fn(builtins, "abs", NumberBuiltins::abs);
        fn(builtins, "all", Aggregates::all);
        fn(builtins, "any", Aggregates::any);
        fn(builtins, "ascii", (a, k) -> Builtins.ascii(ASCII.bind(a, k)[0]));
        fn(builtins, "bin", NumberBuiltins::bin);
        fn(builtins, "callable", (a, k) -> CALLABLE.bind(a, k)[0] instanceof PyCallable);
        fn(builtins, "chr", NumberBuiltins::chr);
        fn(builtins, "divmod", NumberBuiltins::divmod);
        fn(builtins, "format", BuiltinFunctions::format);
        fn(builtins, "getattr", BuiltinFunctions::getattr);
        fn(builtins, "hasattr", BuiltinFunctions::hasattr);
        fn(builtins, "hash", Hashes::builtin);
        fn(builtins, "hex", NumberBuiltins::hex);
        fn(builtins, "isinstance", BuiltinFunctions::isinstance);
        fn(builtins, "issubclass", BuiltinFunctions::issubclass);
        fn(builtins, "len", (a, k) -> (long) Items.len(LEN.bind(a, k)[0]));
        fn(builtins, "max", Aggregates::max);
        fn(builtins, "min", Aggregates::min);
        fn(builtins, "oct", NumberBuiltins::oct);
        fn(builtins, "ord", NumberBuiltins::ord);
        fn(builtins, "pow", NumberBuiltins::pow);
        fn(builtins, "print", Printing::print);
        fn(builtins, "repr", (a, k) -> Py.repr(REPR.bind(a, k)[0]));
        fn(builtins, "round", Rounding::round);
        fn(builtins, "sorted", Aggregates::sorted);
        fn(builtins, "sum", Aggregates::sum);
        builtins.put("range", PyRange.TYPE);
        builtins.put("enumerate", IteratorBuiltins.ENUMERATE_TYPE);
        builtins.put("zip", IteratorBuiltins.ZIP_TYPE);
        builtins.put("map", IteratorBuiltins.MAP_TYPE);
        builtins.put("filter", IteratorBuiltins.FILTER_TYPE);
        builtins.put("reversed", IteratorBuiltins.REVERSED_TYPE);
    }

    private static void fn(Map<String, Object> builtins, String name, PyCallable impl) {
        builtins.put(name, BuiltinFunction.function(name, impl));
    }

    private static Object format(Object[] args, Kwargs kwargs) {
        Object[] a = FORMAT.bind(args, kwargs);
        Object spec = a[1] == Arity.MISSING ? "" : a[1];
        if (!(spec instanceof String s)) {
            throw PyExc.typeError("format() argument must be str, not " + Py.typeName(spec));
        }
        return Formats.format(a[0], s);
    }

    /** {@code isinstance(x, cls)} where cls is a class or a (nested) tuple of classes. */
    private static Object isinstance(Object[] args, Kwargs kwargs) {
        Object[] a = ISINSTANCE.bind(args, kwargs);
        return matches(a[1], t -> t.isInstance(a[0]), "isinstance() arg 2 must be a type or tuple of types (was: " + Py.str(a[0]) + ")"); // sic: GraalPy shows arg 1
    }

    private static Object issubclass(Object[] args, Kwargs kwargs) {
        Object[] a = ISSUBCLASS.bind(args, kwargs);
        if (!(a[0] instanceof PyType sub)) {
            throw PyExc.typeError("issubclass() arg 1 must be a class");
        }
        return matches(a[1], sub::isSubclassOf, "issubclass() arg 2 must be a class or tuple of classes");
    }

    private static boolean matches(Object classes, java.util.function.Predicate<PyType> test, String message) {
        if (classes instanceof PyType t) {
            return test.test(t);
        }
        if (classes instanceof PyTuple tuple) {
            for (Object c : tuple.items) {
                if (matches(c, test, message)) {
                    return true;
                }
            }
            return false;
        }
        throw PyExc.typeError(message);
    }

    private static Object getattr(Object[] args, Kwargs kwargs) {
        Object[] a = GETATTR.bind(args, kwargs);
        String name = attrName(a[1]);
        if (a[2] == Arity.MISSING) {
            return Attrs.get(a[0], name);
        }
        try {
            return Attrs.get(a[0], name);
        } catch (PyExc e) {
            if (e.type().isSubclassOf(PyExcType.ATTRIBUTE_ERROR)) {
                return a[2];
            }
            throw e;
        }
    }

    private static Object hasattr(Object[] args, Kwargs kwargs) {
        Object[] a = HASATTR.bind(args, kwargs);
        String name = attrName(a[1]);
        try {
            Attrs.get(a[0], name);
            return true;
        } catch (PyExc e) {
            if (e.type().isSubclassOf(PyExcType.ATTRIBUTE_ERROR)) {
                return false;
            }
            throw e;
        }
    }

    private static String attrName(Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw PyExc.typeError("attribute name must be string, not '" + Py.typeName(v) + "'");
    }
}
