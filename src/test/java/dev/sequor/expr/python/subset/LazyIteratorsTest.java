package dev.sequor.expr.python.subset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the differential cases cannot show: the builtin iterators read their inputs only as far as they are read,
 * and are consumed once, like Python's; dict views are live.
 */
class LazyIteratorsTest {

    private static Object call(String builtin, Object... args) {
        return Calls.call(Builtins.lookup(builtin), args, null);
    }

    @Test
    void mapCallsTheFunctionOncePerValueRead() {
        List<Object> seen = new ArrayList<>();
        PyCallable record = (a, k) -> {
            seen.add(a[0]);
            return a[0];
        };
        Object mapped = call("map", record, PyList.of(1L, 2L, 3L));
        Iterator<Object> it = Items.iterate(mapped).iterator();
        it.next();
        assertEquals(List.of(1L), seen);
    }

    @Test
    void aPartlyReadIteratorContinuesWhereItStopped() {
        Object zipped = call("zip", PyList.of(1L, 2L, 3L), PyList.of("a", "b", "c"));
        Iterator<Object> first = Items.iterate(zipped).iterator();
        first.next();
        assertEquals("[(2, 'b'), (3, 'c')]", Py.repr(new PyList(Items.toList(zipped))));
        assertEquals("[]", Py.repr(new PyList(Items.toList(zipped))));
    }

    @Test
    void anyStopsReadingAtTheFirstTrueValue() {
        List<Object> seen = new ArrayList<>();
        PyCallable record = (a, k) -> {
            seen.add(a[0]);
            return a[0];
        };
        assertEquals(true, call("any", call("map", record, PyList.of(0L, 1L, 2L))));
        assertEquals(List.of(0L, 1L), seen);
    }

    @Test
    void dictViewsSeeLaterChanges() {
        PyDict d = new PyDict();
        d.put("a", 1L);
        Object keys = Attrs.callMethod(d, "keys", Calls.NO_ARGS, null);
        d.put("b", 2L);
        assertEquals("dict_keys(['a', 'b'])", Py.repr(keys));
        assertEquals(2L, call("len", keys));
    }

    @Test
    void reverseSortKeepsEqualItemsInTheirOrder() {
        PyList rows = PyList.of(PyTuple.of(1L, "x"), PyTuple.of(2L, "y"), PyTuple.of(1L, "z"));
        Kwargs kw = new Kwargs();
        kw.put("key", (PyCallable) (a, k) -> ((PyTuple) a[0]).items[0]);
        kw.put("reverse", true);
        assertEquals("[(2, 'y'), (1, 'x'), (1, 'z')]", Py.repr(Calls.call(Builtins.lookup("sorted"), new Object[] {rows}, kw)));
    }
}
