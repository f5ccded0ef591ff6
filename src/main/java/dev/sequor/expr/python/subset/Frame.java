package dev.sequor.expr.python.subset;

/**
 * The local variables of one call of a snippet, a nested function, a lambda or a comprehension. {@code outer} is
 * the frame the function was defined in, so closures read their enclosing variables as they are at call time
 * (Python's late binding).
 */
final class Frame {

    /** A local that has no value yet (or was deleted). */
    static final Object UNBOUND = new Object() {
        @Override
        public String toString() {
            return "<unbound>";
        }
    };

    final Object[] locals;
    final Frame outer;
    final int depth;
    /** The time limit of the evaluation this frame belongs to; null for Sequor's own functions. */
    final Budget budget;
    Object returnValue;

    Frame(int size, Frame outer) {
        this(size, outer, outer == null ? null : outer.budget);
    }

    /** The frame of a snippet's evaluation, with its time limit. */
    Frame(int size, Frame outer, Budget budget) {
        this.locals = new Object[size];
        java.util.Arrays.fill(locals, UNBOUND);
        this.outer = outer;
        this.depth = outer == null ? 0 : outer.depth + 1;
        this.budget = budget;
    }

    /** The frame {@code hops} definitions out. */
    Frame up(int hops) {
        Frame f = this;
        for (int i = 0; i < hops; i++) {
            f = f.outer;
        }
        return f;
    }
}
