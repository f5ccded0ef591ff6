package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.util.Map;

/** Python's {@code repr()} and {@code str()} of every value the evaluator knows. */
final class Repr {

    /** Nesting deeper than this is reported as Python reports a self-containing list. */
    private static final int MAX_DEPTH = 200;

    private Repr() {
    }

    static String str(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof PyExc e) {
            return e.getMessage();
        }
        if (v instanceof BigDecimal d) {
            return Decimals.str(d);
        }
        if (v instanceof java.time.temporal.Temporal t) {
            return Temporals.str(t);
        }
        if (v instanceof PyObject o && !(o instanceof PyList || o instanceof PyDict || o instanceof PyTuple
                || o instanceof PySet || o instanceof PyBytes) && o instanceof HasStr hs) {
            return hs.str();
        }
        return repr(v);
    }

    /** The containers being printed, innermost last: one met again is printed as {@code [...]}, as Python does. */
    private static final ThreadLocal<java.util.IdentityHashMap<Object, Boolean>> IN_PROGRESS =
            ThreadLocal.withInitial(java.util.IdentityHashMap::new);

    static String repr(Object v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v, 0);
        return sb.toString();
    }

    /** Appends a list, dict, or set unless it is already being printed (it contains itself). */
    private static void appendContainer(StringBuilder sb, Object container, String cycle, Runnable body) {
        java.util.IdentityHashMap<Object, Boolean> seen = IN_PROGRESS.get();
        if (seen.put(container, Boolean.TRUE) != null) {
            sb.append(cycle);
            return;
        }
        try {
            body.run();
        } finally {
            seen.remove(container);
        }
    }

    private static void append(StringBuilder sb, Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new PyExc(PyExcType.RECURSION_ERROR, "maximum recursion depth exceeded while getting the repr of an object");
        }
        if (v == null) {
            sb.append("None");
        } else if (v instanceof String s) {
            sb.append(Strs.repr(s));
        } else if (v instanceof Boolean b) {
            sb.append(b ? "True" : "False");
        } else if (v instanceof Long || v instanceof java.math.BigInteger) {
            sb.append(v);
        } else if (v instanceof Double d) {
            sb.append(FloatRepr.repr(d));
        } else if (v instanceof PyList l) {
            appendContainer(sb, l, "[...]", () -> {
                sb.append('[');
                for (int i = 0; i < l.items.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    append(sb, l.items.get(i), depth + 1);
                }
                sb.append(']');
            });
        } else if (v instanceof PyTuple t) {
            sb.append('(');
            for (int i = 0; i < t.items.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                append(sb, t.items[i], depth + 1);
            }
            sb.append(t.items.length == 1 ? ",)" : ")");
        } else if (v instanceof PyDict d) {
            appendContainer(sb, d, "{...}", () -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<Object, Object> e : d.entries()) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    append(sb, e.getKey(), depth + 1);
                    sb.append(": ");
                    append(sb, e.getValue(), depth + 1);
                }
                sb.append('}');
            });
        } else if (v instanceof PySet s) {
            if (s.size() == 0) {
                sb.append("set()");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Object item : s.items()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                append(sb, item, depth + 1);
            }
            sb.append('}');
        } else if (v instanceof PyBytes b) {
            sb.append(b.repr());
        } else if (v instanceof PyType t) {
            sb.append(t.repr());
        } else if (v instanceof PyExc e) {
            sb.append(e.repr());
        } else if (v instanceof BigDecimal d) {
            sb.append("Decimal('").append(Decimals.str(d)).append("')");
        } else if (v instanceof java.time.temporal.Temporal t) {
            sb.append(Temporals.repr(t));
        } else if (v instanceof HasRepr r) {
            sb.append(r.repr());
        } else {
            sb.append('<').append(Py.typeName(v)).append(" object>");
        }
    }

    /** A PyObject with its own repr (Row, Response, functions, modules...). */
    interface HasRepr {
        String repr();
    }

    /** A PyObject whose str differs from its repr. */
    interface HasStr {
        String str();
    }
}
