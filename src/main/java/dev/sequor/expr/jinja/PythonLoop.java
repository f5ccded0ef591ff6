package dev.sequor.expr.jinja;

import com.hubspot.jinjava.util.ForLoop;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Jinja2's {@code loop} in a for loop: Jinjava's counters ({@code index}, {@code revindex}, {@code first},
 * {@code length}, ...) plus what Jinjava's loop lacked: {@code previtem} and {@code nextitem} (undefined at the
 * ends, as in Jinja2), {@code changed(value)}, {@code depth}/{@code depth0}, and, in a {@code for ... recursive}
 * loop, {@code loop(children)}, which renders the loop's body for the children one level deeper.
 */
final class PythonLoop extends ForLoop implements RuntimeObject, PythonCallable {

    /** Renders the loop again over other items, one level deeper; null unless the loop is {@code recursive}. */
    interface Recursion {
        String render(Object items, int depth0);
    }

    /** No item yet: before the first {@code next()}, and before the first {@code changed()}. */
    private static final Object NOTHING = new Object();

    private final Lookahead items;
    private final int depth0;
    private final Recursion recursion;
    private Object previous = NOTHING;
    private Object current = NOTHING;
    private Object lastChanged = NOTHING;

    private PythonLoop(Lookahead items, int length, int depth0, Recursion recursion) {
        super(items, length);
        this.items = items;
        this.depth0 = depth0;
        this.recursion = recursion;
    }

    private PythonLoop(Lookahead items, int depth0, Recursion recursion) {
        super(items);
        this.items = items;
        this.depth0 = depth0;
        this.recursion = recursion;
    }

    /**
     * A loop over {@code collection} as Jinjava's {@code ObjectIterator} iterates it (a dict's keys, as configured;
     * an array's items; anything else as one item), without the second loop object it would make.
     */
    static PythonLoop over(Object collection, int depth0, Recursion recursion) {
        return switch (collection) {
            case null -> new PythonLoop(new Lookahead(Collections.emptyIterator()), 0, depth0, recursion);
            case Collection<?> items -> new PythonLoop(new Lookahead(items.iterator()), items.size(), depth0, recursion);
            case Object[] items -> new PythonLoop(new Lookahead(Arrays.asList(items).iterator()), items.length, depth0,
                    recursion);
            case Map<?, ?> map -> new PythonLoop(new Lookahead(map.keySet().iterator()), map.size(), depth0, recursion);
            case Iterable<?> items -> new PythonLoop(new Lookahead(items.iterator()), depth0, recursion);
            case Iterator<?> items -> new PythonLoop(new Lookahead(items), depth0, recursion);
            default -> new PythonLoop(new Lookahead(List.of(collection).iterator()), 1, depth0, recursion);
        };
    }

    @Override
    public Object next() {
        Object item = super.next();
        previous = current;
        current = item;
        return item;
    }

    @Override
    public int getDepth() {
        return depth0 + 1;
    }

    @Override
    public int getDepth0() {
        return depth0;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "index" -> getIndex();
            case "index0" -> getIndex0();
            case "revindex" -> getRevindex();
            case "revindex0" -> getRevindex0();
            case "first" -> isFirst();
            case "last" -> isLast();
            case "length" -> getLength();
            case "depth" -> getDepth();
            case "depth0" -> getDepth0();
            case "previtem" -> {
                if (previous == NOTHING) {
                    throw new TemplateValueException("there is no previous item");
                }
                yield previous;
            }
            case "nextitem" -> {
                if (!items.hasNext()) {
                    throw new TemplateValueException("there is no next item");
                }
                yield items.peek();
            }
            case "cycle", "changed" -> null;
            default -> throw new TemplateValueException(
                    "'jinja2.runtime.LoopContext object' has no attribute '" + name + "'");
        };
    }

    @Override
    public Object callMethod(String name, Object[] args) {
        switch (name) {
            case "cycle":
                if (args.length == 0) {
                    throw new TemplateValueException("no items for cycling given");
                }
                return args[getIndex0() % args.length];
            case "changed":
                // True on the first call and whenever the values differ from the previous call's
                List<Object> values = Arrays.asList(args);
                if (lastChanged != NOTHING && PythonComparison.equal(lastChanged, values)) {
                    return false;
                }
                lastChanged = values;
                return true;
            default:
                throw new TemplateValueException("'jinja2.runtime.LoopContext object' has no attribute '" + name + "'");
        }
    }

    /** {@code loop(children)} in a recursive loop. */
    @Override
    public Object call(Object[] args) {
        if (recursion == null) {
            throw new TemplateValueException("The loop must have the 'recursive' marker to be called recursively.");
        }
        if (args.length == 0) {
            throw new TemplateValueException("LoopContext.__call__() missing 1 required positional argument: 'iterable'");
        }
        if (args.length > 1) {
            throw new TemplateValueException("LoopContext.__call__() takes 2 positional arguments but "
                    + (args.length + 1) + " were given");
        }
        if (depth0 + 1 >= RecursionLimit.LEVELS) {
            throw RecursionLimit.exceeded();
        }
        return recursion.render(args[0], depth0 + 1);
    }

    /** Python's repr of a loop: {@code <LoopContext 2/5>}. */
    @Override
    public String toString() {
        return "<LoopContext " + getIndex() + "/" + getLength() + ">";
    }

    /** The items, able to show the next one ({@code nextitem}) before the loop takes it. */
    private static final class Lookahead implements Iterator<Object> {

        private final Iterator<?> items;
        private Object peeked;
        private boolean hasPeeked;

        Lookahead(Iterator<?> items) {
            this.items = items;
        }

        @Override
        public boolean hasNext() {
            return hasPeeked || items.hasNext();
        }

        Object peek() {
            if (!hasPeeked) {
                peeked = items.next();
                hasPeeked = true;
            }
            return peeked;
        }

        @Override
        public Object next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Object item = peek();
            hasPeeked = false;
            peeked = null;
            return item;
        }
    }
}
