package dev.sequor.expr.python.subset;

/**
 * Argument binding for the builtin functions and classes with GraalPy's messages, which differ from CPython's:
 * GraalPy binds a builtin's arguments like a Python function's, so {@code abs()} says
 * {@code abs() missing 1 required positional argument: 'x'} and {@code divmod(1, 2, 3)} says
 * {@code divmod() takes 2 positional arguments but 3 were given}. A builtin declared without parameter names gets
 * positional-only parameters named {@code a, b, c}; a class's constructor counts {@code cls} in "takes N".
 */
final class Arity {

    /** The value of a parameter that was not given. */
    static final Object MISSING = new Object();

    private final String name;
    private final String[] params;
    private int required;
    private int positionalOnly;
    private int selfOffset;
    private String[] keywordOnly = new String[0];

    private Arity(String name, String[] params) {
        this.name = name;
        this.params = params;
        this.required = params.length;
    }

    /** A function whose parameters are all positional-only, named a, b, c... like GraalPy's unnamed builtin parameters. */
    static Arity unnamed(String name, int required, int total) {
        String[] params = new String[total];
        for (int i = 0; i < total; i++) {
            params[i] = String.valueOf((char) ('a' + i));
        }
        return new Arity(name, params).required(required).positionalOnly(total);
    }

    static Arity of(String name, String... params) {
        return new Arity(name, params);
    }

    Arity required(int n) {
        this.required = n;
        return this;
    }

    Arity positionalOnly(int n) {
        this.positionalOnly = n;
        return this;
    }

    /**
     * For constructors and methods: GraalPy counts {@code cls} or {@code self} in "takes N positional arguments but M
     * were given".
     */
    Arity constructor() {
        this.selfOffset = 1;
        return this;
    }

    Arity keywordOnly(String... names) {
        this.keywordOnly = names;
        return this;
    }

    /**
     * The parameters' values in declaration order (positional parameters, then keyword-only ones), {@link #MISSING}
     * for those not given.
     */
    Object[] bind(Object[] args, Kwargs kwargs) {
        if (args.length > params.length) {
            throw tooMany(args.length);
        }
        Object[] out = new Object[params.length + keywordOnly.length];
        java.util.Arrays.fill(out, MISSING);
        System.arraycopy(args, 0, out, 0, args.length);
        if (kwargs != null && !kwargs.isEmpty()) {
            bindKeywords(kwargs, out, args.length);
        }
        int missing = 0;
        for (int i = 0; i < required; i++) {
            if (out[i] == MISSING) {
                missing++;
            }
        }
        if (missing > 0) {
            throw missing(out, missing);
        }
        return out;
    }

    private void bindKeywords(Kwargs kwargs, Object[] out, int given) {
        StringBuilder positionalOnlyGiven = null;
        for (var e : kwargs.entrySet()) {
            String k = e.getKey();
            int p = indexOf(params, k);
            if (p >= 0 && p < positionalOnly) {
                positionalOnlyGiven = positionalOnlyGiven == null ? new StringBuilder(k) : positionalOnlyGiven.append(", ").append(k);
                continue;
            }
            if (p >= 0) {
                if (p < given) {
                    throw PyExc.typeError(name + "() got multiple values for argument '" + k + "'");
                }
                out[p] = e.getValue();
                continue;
            }
            int kw = indexOf(keywordOnly, k);
            if (kw < 0) {
                throw PyExc.typeError(name + "() got an unexpected keyword argument '" + k + "'");
            }
            out[params.length + kw] = e.getValue();
        }
        if (positionalOnlyGiven != null) {
            throw PyExc.typeError(name + "() got some positional-only arguments passed as keyword arguments: '"
                    + positionalOnlyGiven + "'");
        }
    }

    private PyExc tooMany(int given) {
        int max = params.length + selfOffset;
        int min = required + selfOffset;
        String takes = min == max ? max + " positional argument" + (max == 1 ? "" : "s")
                : "from " + min + " to " + max + " positional arguments";
        int n = given + selfOffset;
        return PyExc.typeError(name + "() takes " + takes + " but " + n + (n == 1 ? " was" : " were") + " given");
    }

    private PyExc missing(Object[] out, int count) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < required; i++) {
            if (out[i] == MISSING) {
                names.add("'" + params[i] + "'");
            }
        }
        String list;
        if (names.size() == 1) {
            list = names.get(0);
        } else if (names.size() == 2) {
            list = names.get(0) + " and " + names.get(1);
        } else {
            list = String.join(", ", names.subList(0, names.size() - 1)) + ", and " + names.get(names.size() - 1);
        }
        return PyExc.typeError(name + "() missing " + count + " required positional argument" + (count == 1 ? "" : "s")
                + ": " + list);
    }

    private static int indexOf(String[] names, String k) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(k)) {
                return i;
            }
        }
        return -1;
    }

    /** Splits the positional arguments of a function with {@code *args} and checks its keyword-only names. */
    static void varArgs(String name, Object[] args, Kwargs kwargs, int required, String firstParam, String... keywordOnly) {
        if (kwargs != null) {
            outer:
            for (String k : kwargs.keySet()) {
                for (String allowed : keywordOnly) {
                    if (allowed.equals(k)) {
                        continue outer;
                    }
                }
                throw PyExc.typeError(name + "() got an unexpected keyword argument '" + k + "'");
            }
        }
        if (args.length < required) {
            throw PyExc.typeError(name + "() missing 1 required positional argument: '" + firstParam + "'");
        }
    }

    static Object kw(Kwargs kwargs, String name, Object missing) {
        return kwargs != null && kwargs.containsKey(name) ? kwargs.get(name) : missing;
    }
}
