package dev.sequor.expr.python.subset;

import dev.sequor.expr.python.syntax.Node;
import dev.sequor.expr.python.syntax.Node.CmpOperator;

/** Comparison chains: {@code a < b <= c} evaluates each operand once and stops at the first false link. */
final class Comparisons {

    private Comparisons() {
    }

    static Code compile(ExprCompiler ec, Node.Compare cmp) {
        Code left = ec.expr(cmp.left());
        int n = cmp.ops().size();
        CmpOperator[] ops = cmp.ops().toArray(CmpOperator[]::new);
        Code[] rights = cmp.comparators().stream().map(ec::expr).toArray(Code[]::new);
        if (n == 1) {
            CmpOperator op = ops[0];
            Code right = rights[0];
            return f -> test(op, left.eval(f), right.eval(f));
        }
        return f -> {
            Object a = left.eval(f);
            for (int i = 0; i < n; i++) {
                Object b = rights[i].eval(f);
                if (!test(ops[i], a, b)) {
                    return false;
                }
                a = b;
            }
            return true;
        };
    }

    static boolean test(CmpOperator op, Object a, Object b) {
        return switch (op) {
            case EQ -> Py.eq(a, b);
            case NE -> !Py.eq(a, b);
            case LT -> Py.lt(a, b);
            case LE -> Py.le(a, b);
            case GT -> Py.gt(a, b);
            case GE -> Py.ge(a, b);
            case IS -> isSame(a, b);
            case IS_NOT -> !isSame(a, b);
            case IN -> Items.contains(b, a);
            case NOT_IN -> !Items.contains(b, a);
        };
    }

    /**
     * Python's identity: None, True and False are singletons, and so are small ints and interned strings in
     * practice; Java boxes of equal Longs or Strings are not the same object, so values of those immutable types
     * are compared by value (what {@code x is 1} would answer for the small ints and short strings snippets use).
     */
    private static boolean isSame(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            return a.equals(b);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue() && x >= -5 && x <= 256;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equals(y);
        }
        return false;
    }
}
