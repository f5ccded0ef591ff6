package dev.sequor.expr.python.subset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The set operators, set comparisons and isdisjoint of keys and items views. Each expected text is what python3
 * prints; a set of several items is compared through sorted(), since CPython's order depends on hashes.
 */
class DictViewSetsTest {

    private static String run(String code) {
        return SnippetRunner.outcome(code);
    }

    @Test
    void operatorsAnswerSetsWithTheViewOnEitherSide() {
        String d = "d = {'a': 1, 'b': 2}\nreturn ";
        assertEquals("OK {'a'}", run(d + "d.keys() & {'a', 'c'}"));
        assertEquals("OK {'b'}", run(d + "d.keys() & ['b', 'x']"));
        assertEquals("OK ['a', 'b', 'c']", run(d + "sorted(d.keys() | ['c'])"));
        assertEquals("OK {'b'}", run(d + "d.keys() - {'a'}"));
        assertEquals("OK ['b', 'z']", run(d + "sorted(d.keys() ^ {'a', 'z'})"));
        assertEquals("OK {'b'}", run(d + "d.keys() - ('a',)"));
        assertEquals("OK {('a', 1)}", run(d + "d.items() & {('a', 1), ('c', 2)}"));
        assertEquals("OK [('a', 1), ('b', 2), ('c', 3)]", run(d + "sorted(d.items() | [('c', 3)])"));
        assertEquals("OK {('b', 2)}", run(d + "d.items() - [('a', 1)]"));
        assertEquals("OK {'q'}", run(d + "['a', 'q'] - d.keys()"));
        assertEquals("OK ['a', 'b', 'q']", run(d + "sorted(['q'] | d.keys())"));
        assertEquals("OK {'a'}", run(d + "{'q', 'a'} & d.keys()"));
        assertEquals("OK {'a'}", run(d + "{'b'} ^ d.keys()"));
        assertEquals("OK {'a'}", run(d + "d.keys() & {'a': 5}.keys()"));
        assertEquals("OK ['a', 'b']", run(d + "sorted(d.keys() - d.items())"));
        // |= makes a new set: the dict does not change
        assertEquals("OK (['a', 'b', 'c'], {'a': 1, 'b': 2})",
                run("d = {'a': 1, 'b': 2}\nk = d.keys()\nk |= {'c'}\nreturn (sorted(k), d)"));
    }

    /** Which of two equal items the result keeps (1 or 1.0) is CPython's, as it builds the set. */
    @Test
    void theResultKeepsCPythonsItems() {
        assertEquals("OK {1}", run("{1: 0}.keys() | {1.0}"));
        assertEquals("OK {1.0}", run("{1.0: 0}.keys() | {1}"));
        assertEquals("OK {1}", run("{1: 0}.keys() & {1.0}"));
        assertEquals("OK {1}", run("{1.0: 0}.keys() & [1, True]"));
        assertEquals("OK set()", run("{True: 0}.keys() - [1]"));
    }

    @Test
    void operatorErrors() {
        assertEquals("ERR TypeError: 'int' object is not iterable", run("{'a': 1}.keys() | 1"));
        assertEquals("ERR TypeError: 'int' object is not iterable", run("1 | {'a': 1}.keys()"));
        assertEquals("ERR TypeError: 'int' object is not iterable", run("{'a': 1}.keys() & 1"));
        assertEquals("ERR TypeError: 'int' object is not iterable", run("{'a': 1}.keys() - 1"));
        assertEquals("ERR TypeError: 'int' object is not iterable", run("{'a': 1}.keys() ^ 1"));
        assertEquals("ERR TypeError: unsupported operand type(s) for &: 'dict_values' and 'set'",
                run("{'a': 1}.values() & {1}"));
        assertEquals("ERR TypeError: unsupported operand type(s) for +: 'dict_keys' and 'set'",
                run("{'a': 1}.keys() + {1}"));
        assertEquals("ERR TypeError: unhashable type: 'list'", run("{'a': 1}.keys() & [[1]]"));
        assertEquals("ERR TypeError: unhashable type: 'list'", run("{'a': []}.items() | {1}"));
        assertEquals("ERR TypeError: unhashable type: 'list'", run("{'a': []}.items() & {('a', 1)}"));
        // an items view answers 'in' without hashing what it is asked about (GraalPy hashes: unhashable type)
        assertEquals("OK set()", run("{'a': 1}.items() & [[1]]"));
        assertEquals("OK set()", run("{'a': 1}.items() & [('a', [])]"));
    }

    @Test
    void comparisonsWithSetsAndViewsOnEitherSide() {
        assertEquals("OK (True, True, False, False)", run("k = {'a': 1}.keys()\nreturn (k == {'a'}, {'a'} == k, "
                + "k != {'a'}, {'a'} != k)"));
        assertEquals("OK (True, True, False, True, True, True, True, True)", run("k = {'a': 1}.keys()\nreturn ("
                + "k <= {'a', 'b'}, k < {'a', 'b'}, k < {'a'}, k >= {'a'}, k > set(), {'a', 'b'} > k, {'a'} <= k, "
                + "k <= {'a': 1, 'b': 2}.keys())"));
        assertEquals("OK (True, True, False, True, False)", run("d = {3: 0}\nreturn ({(3, 0)} == d.items(), "
                + "d.items() <= {(3, 0), 1}, d.keys() == d.items(), d.keys() == {3: 5}.keys(), d.keys() == [3])"));
        assertEquals("ERR TypeError: '<' not supported between instances of 'dict_keys' and 'list'",
                run("{'a': 1}.keys() < ['a']"));
        assertEquals("ERR TypeError: '<' not supported between instances of 'int' and 'dict_keys'",
                run("1 < {'a': 1}.keys()"));
        assertEquals("ERR TypeError: '<=' not supported between instances of 'dict_values' and 'set'",
                run("{'a': 1}.values() <= {1}"));
        assertEquals("ERR TypeError: unhashable type: 'list'", run("{'a': []}.items() == {1}"));
    }

    @Test
    void isdisjoint() {
        assertEquals("OK (True, False, False, True, False, True)", run("d = {3: 0, 1: 0}\nreturn ("
                + "d.keys().isdisjoint({'b'}), d.keys().isdisjoint([9, 3]), d.items().isdisjoint([(1, 0)]), "
                + "d.keys().isdisjoint(d.items()), d.keys().isdisjoint(d.keys()), {}.keys().isdisjoint({}.keys()))"));
        assertEquals("ERR TypeError: 'int' object is not iterable", run("{'a': 1}.keys().isdisjoint(1)"));
        assertEquals("ERR AttributeError: 'dict_values' object has no attribute 'isdisjoint'",
                run("{'a': 1}.values().isdisjoint([1])"));
    }
}
