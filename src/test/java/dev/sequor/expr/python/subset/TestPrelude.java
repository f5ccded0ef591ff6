package dev.sequor.expr.python.subset;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Helper functions the case files use, defined identically in Python ({@code PRELUDE}) for GraalPy and here in
 * Java: {@code m(obj, 'method', *args, **kw)} returns {@code (result, obj)} to show a mutating method's effect,
 * {@code sa(l, start, stop, step, v)} assigns a slice, {@code out(*args, **kw)} returns {@code (None, printed text)}.
 */
final class TestPrelude {

    static final String PRELUDE = """
            neg = lambda x: -x
            first = lambda t: t[0]
            second = lambda t: t[1]
            even = lambda x: x % 2 == 0
            add = lambda a, b: a + b
            lower = lambda s: s.lower()
            has = lambda c, x: x in c
            eq = lambda a, b: a == b
            def m(obj, name, *a, **k):
                r = getattr(obj, name)(*a, **k)
                return (r, obj)
            def sa(l, a, b, c, v):
                l[a:b:c] = v
                return l
            def out(*a, **k):
                import io, contextlib
                s = io.StringIO()
                with contextlib.redirect_stdout(s):
                    r = print(*a, **k)
                return (r, s.getvalue())
            """;

    private static final Map<String, Object> FUNCTIONS = new HashMap<>();

    static {
        FUNCTIONS.put("neg", (PyCallable) (a, k) -> Arith.negate(a[0]));
        FUNCTIONS.put("first", (PyCallable) (a, k) -> Items.getItem(a[0], 0L));
        FUNCTIONS.put("second", (PyCallable) (a, k) -> Items.getItem(a[0], 1L));
        FUNCTIONS.put("even", (PyCallable) (a, k) -> Py.eq(Arith.mod(a[0], 2L), 0L));
        FUNCTIONS.put("add", (PyCallable) (a, k) -> Arith.add(a[0], a[1]));
        FUNCTIONS.put("lower", (PyCallable) (a, k) -> ((String) a[0]).toLowerCase());
        FUNCTIONS.put("has", (PyCallable) (a, k) -> Items.contains(a[0], a[1]));
        FUNCTIONS.put("eq", (PyCallable) (a, k) -> Py.eq(a[0], a[1]));
        FUNCTIONS.put("m", (PyCallable) (a, k) -> {
            Object r = Attrs.callMethod(a[0], (String) a[1], Arrays.copyOfRange(a, 2, a.length), k);
            return PyTuple.of(r, a[0]);
        });
        FUNCTIONS.put("sa", (PyCallable) (a, k) -> {
            Items.setItem(a[0], new PySlice(a[1], a[2], a[3]), a[4]);
            return a[0];
        });
        FUNCTIONS.put("out", (PyCallable) (a, k) -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream previous = SnippetOutput.set(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            try {
                Object r = Calls.call(Builtins.lookup("print"), a, k);
                return PyTuple.of(r, bytes.toString(StandardCharsets.UTF_8));
            } finally {
                SnippetOutput.set(previous);
            }
        });
    }

    private TestPrelude() {
    }

    static Object lookup(String name) {
        return FUNCTIONS.get(name);
    }
}
