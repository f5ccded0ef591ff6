package dev.sequor.expr.python.subset;

/**
 * Argument checks for built-in functions and methods, with CPython's messages: {@code len() takes exactly one
 * argument (2 given)}, {@code get expected at most 2 arguments, got 3}, {@code split() takes no keyword arguments}...
 */
public final class Args {

    private Args() {
    }

    /** For functions written {@code name(a, b=None, /)} in CPython: positional only, between min and max. */
    public static void positional(String name, Object[] args, Kwargs kwargs, int min, int max) {
        noKeywords(name, kwargs);
        count(name, args, min, max);
    }

    public static void noKeywords(String name, Kwargs kwargs) {
        if (kwargs != null && !kwargs.isEmpty()) {
            throw PyExc.typeError(name + "() takes no keyword arguments");
        }
    }

    /** {@code name expected at least 1 argument, got 0} / {@code at most}/ {@code exactly one argument}. */
    public static void count(String name, Object[] args, int min, int max) {
        int n = args.length;
        if (n >= min && n <= max) {
            return;
        }
        if (min == max) {
            if (min == 0) {
                throw PyExc.typeError(name + "() takes no arguments (" + n + " given)");
            }
            if (min == 1) {
                throw PyExc.typeError(name + "() takes exactly one argument (" + n + " given)");
            }
            throw PyExc.typeError(name + " expected " + min + " arguments, got " + n);
        }
        if (n < min) {
            throw PyExc.typeError(name + " expected at least " + min + " argument" + (min == 1 ? "" : "s") + ", got " + n);
        }
        throw PyExc.typeError(name + " expected at most " + max + " argument" + (max == 1 ? "" : "s") + ", got " + n);
    }

    /** Argument {@code i}, or {@code missing} when fewer were given. */
    public static Object opt(Object[] args, int i, Object missing) {
        return i < args.length ? args[i] : missing;
    }

    /**
     * The argument at position {@code i} or given by keyword {@code name} (for CPython functions with keyword
     * arguments such as {@code sorted(key=, reverse=)} or {@code str.split(sep=, maxsplit=)}); {@code missing}
     * when neither.
     */
    public static Object named(Object[] args, Kwargs kwargs, int i, String name, Object missing) {
        if (kwargs != null && kwargs.containsKey(name)) {
            return kwargs.get(name);
        }
        return i >= 0 && i < args.length ? args[i] : missing;
    }

    /** Refuses keyword arguments other than {@code allowed}, as CPython does. */
    public static void onlyKeywords(String name, Kwargs kwargs, String... allowed) {
        if (kwargs == null) {
            return;
        }
        outer:
        for (String k : kwargs.keySet()) {
            for (String a : allowed) {
                if (a.equals(k)) {
                    continue outer;
                }
            }
            throw PyExc.typeError(name + "() got an unexpected keyword argument '" + k + "'");
        }
    }

    /** An int argument as a Java int (index-like), with Python's TypeError for other types. */
    public static int intArg(Object v, String what) {
        Object i = Ints.of(v);
        if (i instanceof Long l) {
            if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
                throw PyExc.overflow("Python int too large to convert to C ssize_t");
            }
            return (int) (long) l;
        }
        if (i instanceof java.math.BigInteger) {
            throw PyExc.overflow("Python int too large to convert to C ssize_t");
        }
        throw PyExc.typeError("'" + Py.typeName(v) + "' object cannot be interpreted as an integer");
    }

    /** A str argument, with {@code what} naming the function in the TypeError. */
    public static String strArg(Object v, String message) {
        if (v instanceof String s) {
            return s;
        }
        throw PyExc.typeError(message.replace("{type}", Py.typeName(v)));
    }
}
