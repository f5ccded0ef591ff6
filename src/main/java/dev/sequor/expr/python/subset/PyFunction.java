package dev.sequor.expr.python.subset;

import java.util.ArrayList;
import java.util.List;

/**
 * A function defined in a snippet ({@code def} or {@code lambda}): its parameters, defaults evaluated when it was
 * defined, the frame it was defined in, and its compiled body. Arguments are bound with Python's rules and
 * messages ({@code f() missing 1 required positional argument: 'x'}).
 */
final class PyFunction implements PyObject, PyCallable, Repr.HasRepr {

    private static final int MAX_DEPTH = 900;
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final String qualName;
    private final Signature sig;
    private final Object[] defaults;
    private final Object[] kwDefaults;
    private final Frame definedIn;
    private final int frameSize;
    private final Exec body;

    PyFunction(String qualName, Signature sig, Object[] defaults, Object[] kwDefaults, Frame definedIn, int frameSize,
            Exec body) {
        this.qualName = qualName;
        this.sig = sig;
        this.defaults = defaults;
        this.kwDefaults = kwDefaults;
        this.definedIn = definedIn;
        this.frameSize = frameSize;
        this.body = body;
    }

    /** Parameter names and their slots in the function's frame. */
    record Signature(List<String> positional, int[] positionalSlots, String varArgs, int varArgsSlot,
            List<String> kwOnly, int[] kwOnlySlots, String varKw, int varKwSlot) {
    }

    @Override
    public Object call(Object[] args, Kwargs kwargs) {
        Frame f = new Frame(frameSize, definedIn);
        Budget.tick(f);
        bind(f, args, kwargs);
        int[] depth = DEPTH.get();
        if (++depth[0] > MAX_DEPTH) {
            depth[0]--;
            throw new PyExc(PyExcType.RECURSION_ERROR, "maximum recursion depth exceeded");
        }
        try {
            return body.exec(f) == Exec.RETURN ? f.returnValue : null;
        } catch (StackOverflowError e) {
            throw new PyExc(PyExcType.RECURSION_ERROR, "maximum recursion depth exceeded");
        } finally {
            depth[0]--;
        }
    }

    private void bind(Frame f, Object[] args, Kwargs kwargs) {
        int nPos = sig.positional.size();
        int given = args.length;
        if (given > nPos && sig.varArgs == null) {
            throw tooManyPositional(given, kwargs);
        }
        for (int i = 0; i < Math.min(given, nPos); i++) {
            f.locals[sig.positionalSlots[i]] = args[i];
        }
        if (sig.varArgs != null) {
            Object[] rest = given > nPos ? java.util.Arrays.copyOfRange(args, nPos, given) : new Object[0];
            f.locals[sig.varArgsSlot] = new PyTuple(rest);
        }
        PyDict extra = sig.varKw != null ? new PyDict() : null;
        if (kwargs != null) {
            for (var e : kwargs.entrySet()) {
                String name = e.getKey();
                int p = sig.positional.indexOf(name);
                if (p >= 0) {
                    if (f.locals[sig.positionalSlots[p]] != Frame.UNBOUND) {
                        throw PyExc.typeError(qualName + "() got multiple values for argument '" + name + "'");
                    }
                    f.locals[sig.positionalSlots[p]] = e.getValue();
                    continue;
                }
                int k = sig.kwOnly.indexOf(name);
                if (k >= 0) {
                    f.locals[sig.kwOnlySlots[k]] = e.getValue();
                } else if (extra != null) {
                    extra.put(name, e.getValue());
                } else {
                    throw PyExc.typeError(qualName + "() got an unexpected keyword argument '" + name + "'");
                }
            }
        }
        if (extra != null) {
            f.locals[sig.varKwSlot] = extra;
        }
        int firstDefault = nPos - defaults.length;
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < nPos; i++) {
            if (f.locals[sig.positionalSlots[i]] == Frame.UNBOUND) {
                if (i >= firstDefault) {
                    f.locals[sig.positionalSlots[i]] = defaults[i - firstDefault];
                } else {
                    missing.add(sig.positional.get(i));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw missing(missing, "positional");
        }
        for (int i = 0; i < sig.kwOnly.size(); i++) {
            if (f.locals[sig.kwOnlySlots[i]] == Frame.UNBOUND) {
                if (kwDefaults[i] != Frame.UNBOUND) {
                    f.locals[sig.kwOnlySlots[i]] = kwDefaults[i];
                } else {
                    missing.add(sig.kwOnly.get(i));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw missing(missing, "keyword-only");
        }
    }

    private PyExc tooManyPositional(int given, Kwargs kwargs) {
        int nPos = sig.positional.size();
        int min = nPos - defaults.length;
        String takes = min == nPos ? String.valueOf(nPos) : "from " + min + " to " + nPos;
        int kwGiven = 0;
        if (kwargs != null) {
            for (String k : kwargs.keySet()) {
                if (sig.kwOnly.contains(k)) {
                    kwGiven++;
                }
            }
        }
        String plural = nPos == 1 && min == nPos ? "" : "s";
        String was = given == 1 ? "was" : "were";
        String kwPart = kwGiven == 0 ? ""
                : " positional argument" + (given == 1 ? "" : "s") + " (and " + kwGiven + " keyword-only argument"
                        + (kwGiven == 1 ? "" : "s") + ")";
        if (kwGiven == 0) {
            return PyExc.typeError(qualName + "() takes " + takes + " positional argument" + plural + " but " + given + " "
                    + was + " given");
        }
        return PyExc.typeError(qualName + "() takes " + takes + " positional argument" + plural + " but " + given + kwPart
                + " were given");
    }

    private PyExc missing(List<String> names, String kind) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                list.append(names.size() == 2 ? " and " : (i == names.size() - 1 ? ", and " : ", "));
            }
            list.append('\'').append(names.get(i)).append('\'');
        }
        return PyExc.typeError(qualName + "() missing " + names.size() + " required " + kind + " argument"
                + (names.size() == 1 ? "" : "s") + ": " + list);
    }

    @Override
    public String typeName() {
        return "function";
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "__name__" -> qualName.substring(qualName.lastIndexOf('.') + 1);
            case "__qualname__" -> qualName;
            default -> null;
        };
    }

    @Override
    public String repr() {
        return "<function " + qualName + ">";
    }
}
