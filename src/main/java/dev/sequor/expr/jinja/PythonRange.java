package dev.sequor.expr.jinja;

import com.hubspot.jinjava.el.ext.NamedParameter;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import com.hubspot.jinjava.objects.collections.PyList;

/**
 * The {@code range(...)} global as Python's range: a list to every loop, filter and {@code in}, printed as
 * {@code range(0, 3)}, and computed item by item, so {@code range(10**9)} costs nothing until it is looped over.
 * Jinjava's range made a list, printed as one, and stopped at 1,000 items without a word. A {@link PyList}, as
 * Jinjava keeps those as they are where it wraps a plain list ({@code {% set r = range(3) %}}).
 */
final class PythonRange extends PyList {

    private final long start;
    private final long stop;
    private final long step;

    private PythonRange(long start, long stop, long step) {
        super(new Items(start, stop, step));
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    /** {@code range(stop)}, {@code range(start, stop)}, {@code range(start, stop, step)}, with Python's errors. */
    public static PythonRange range(Object... args) {
        Object[] given = args == null ? new Object[0] : args;
        if (given.length == 0) {
            throw new TemplateValueException("range expected at least 1 argument, got 0");
        }
        if (given.length > 3) {
            throw new TemplateValueException("range expected at most 3 arguments, got " + given.length);
        }
        long[] n = new long[given.length];
        for (int i = 0; i < given.length; i++) {
            n[i] = integer(given[i]);
        }
        if (n.length == 3 && n[2] == 0) {
            throw new TemplateValueException("range() arg 3 must not be zero");
        }
        return n.length == 1 ? new PythonRange(0, n[0], 1) : new PythonRange(n[0], n[1], n.length == 3 ? n[2] : 1);
    }

    private static long integer(Object arg) {
        if (arg instanceof NamedParameter named) {
            throw new TemplateValueException("range() takes no keyword arguments");
        }
        if (arg instanceof Boolean b) {
            return b ? 1 : 0; // a bool is an int in Python
        }
        if (arg instanceof Long || arg instanceof Integer || arg instanceof Short || arg instanceof Byte) {
            return ((Number) arg).longValue();
        }
        if (arg instanceof BigInteger big && big.bitLength() < 63) {
            return big.longValue();
        }
        if (arg instanceof BigInteger) {
            throw new TemplateValueException("Python int too large to convert to C ssize_t");
        }
        throw new TemplateValueException("'" + PythonStr.typeName(arg) + "' object cannot be interpreted as an integer");
    }

    /** Python's repr: {@code range(0, 3)}, and the step only when it is not 1. */
    @Override
    public String toString() {
        return "range(" + start + ", " + stop + (step == 1 ? "" : ", " + step) + ")";
    }

    /** The numbers, computed from start, stop and step on demand. */
    private static final class Items extends AbstractList<Object> implements RandomAccess {

        private final long start;
        private final long step;
        private final long size;

        Items(long start, long stop, long step) {
            this.start = start;
            this.step = step;
            long span = step > 0 ? stop - start : start - stop;
            this.size = span <= 0 ? 0 : (span - 1) / Math.abs(step) + 1;
        }

        @Override
        public Object get(int index) {
            if (index < 0 || index >= size) {
                throw new TemplateValueException("range object index out of range");
            }
            return number(start + index * step);
        }

        /**
         * An Integer when it fits, as Jinjava's range gave: its loops print an Integer faster than a Long (about a
         * tenth of a short loop's time), and Python does not tell them apart.
         */
        private static Object number(long n) {
            return n == (int) n ? Integer.valueOf((int) n) : Long.valueOf(n);
        }

        @Override
        public int size() {
            if (size > Integer.MAX_VALUE) {
                throw new TemplateValueException("Python int too large to convert to C ssize_t");
            }
            return (int) size;
        }

        @Override
        public boolean isEmpty() {
            return size == 0;
        }

        @Override
        public Iterator<Object> iterator() {
            return new Iterator<>() {
                private long done;

                @Override
                public boolean hasNext() {
                    return done < size;
                }

                @Override
                public Object next() {
                    if (done >= size) {
                        throw new NoSuchElementException();
                    }
                    return number(start + done++ * step);
                }
            };
        }
    }
}
