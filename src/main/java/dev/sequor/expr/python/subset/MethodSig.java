package dev.sequor.expr.python.subset;

/**
 * The signature of one built-in method of str or bytes, binding a call's arguments the way GraalPy's builtins do,
 * with GraalPy's messages (which are not CPython's): {@code str.find() missing 1 required positional argument:
 * 'sub'}, {@code str.center() takes from 2 to 3 positional arguments but 4 were given} (counts include self),
 * {@code str.split() got an unexpected keyword argument 'x'}, {@code str.center() got some positional-only
 * arguments passed as keyword arguments: 'a'}.
 *
 * @param qualname  {@code str.find}: the name the messages show
 * @param names     the parameters after self, with GraalPy's names (positional-only ones are often 'a', 'b')
 * @param required  how many leading parameters have no default
 * @param keywords  whether the parameters may be given by keyword (else all are positional-only)
 */
record MethodSig(String qualname, String[] names, int required, boolean keywords) {

    /** What {@link #bind} leaves for a parameter the call did not give. */
    static final Object MISSING = new Object();

    static MethodSig of(String qualname, int required, boolean keywords, String... names) {
        return new MethodSig(qualname, names, required, keywords);
    }

    /** The arguments by parameter position, {@link #MISSING} where absent. */
    Object[] bind(Object[] args, Kwargs kwargs) {
        int max = names.length;
        if (args.length > max) {
            throw tooMany(args.length);
        }
        Object[] out = new Object[max];
        java.util.Arrays.fill(out, MISSING);
        System.arraycopy(args, 0, out, 0, args.length);
        if (kwargs != null && !kwargs.isEmpty()) {
            bindKeywords(args.length, kwargs, out);
        }
        for (int i = 0; i < required; i++) {
            if (out[i] == MISSING) {
                throw missing(out);
            }
        }
        return out;
    }

    private void bindKeywords(int positional, Kwargs kwargs, Object[] out) {
        // GraalPy checks names it does not know first (showing how many when there are several), then keywords
        // naming positional-only parameters, then keywords repeating a positional argument
        String unknownName = null;
        int unknown = 0;
        for (String k : kwargs.keySet()) {
            if (indexOf(k) < 0) {
                unknownName = unknown == 0 ? k : unknownName;
                unknown++;
            }
        }
        if (unknown > 0) {
            throw PyExc.typeError(qualname + "() got an unexpected keyword argument '"
                    + (unknown > 1 ? String.valueOf(unknown) : unknownName) + "'");
        }
        if (!keywords) {
            throw PyExc.typeError(qualname + "() got some positional-only arguments passed as keyword arguments: '"
                    + String.join(", ", kwargs.keySet()) + "'");
        }
        for (var e : kwargs.entrySet()) {
            int i = indexOf(e.getKey());
            if (i < positional) {
                throw PyExc.typeError(qualname + "() got multiple values for argument '" + e.getKey() + "'");
            }
            out[i] = e.getValue();
        }
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private PyExc tooMany(int given) {
        int min = required + 1;
        int max = names.length + 1;
        String takes = min == max ? max + " positional argument" + (max == 1 ? "" : "s")
                : "from " + min + " to " + max + " positional arguments";
        return PyExc.typeError(qualname + "() takes " + takes + " but " + (given + 1) + " were given");
    }

    private PyExc missing(Object[] out) {
        java.util.List<String> absent = new java.util.ArrayList<>();
        for (int i = 0; i < required; i++) {
            if (out[i] == MISSING) {
                absent.add("'" + names[i] + "'");
            }
        }
        String list;
        if (absent.size() == 1) {
            list = absent.get(0);
        } else if (absent.size() == 2) {
            list = absent.get(0) + " and " + absent.get(1);
        } else {
            list = String.join(", ", absent.subList(0, absent.size() - 1)) + ", and " + absent.get(absent.size() - 1);
        }
        return PyExc.typeError(qualname + "() missing " + absent.size() + " required positional argument"
                + (absent.size() == 1 ? "" : "s") + ": " + list);
    }
}
