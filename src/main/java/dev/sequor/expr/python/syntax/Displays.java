package dev.sequor.expr.python.syntax;

import dev.sequor.expr.python.syntax.Node.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Bracketed atoms: groups, tuples, lists, dicts and sets, their comprehensions, and the {@code for} targets that
 * comprehensions and for statements share. Each method starts after the opening bracket.
 */
final class Displays {

    private final ExpressionParser expr;
    private final TokenCursor in;

    Displays(ExpressionParser expr) {
        this.expr = expr;
        this.in = expr.in;
    }

    /** {@code ()}, {@code (x)}, {@code (x,)}, {@code (a, *b)} or {@code (x for ...)}. */
    Expr parenthesized(int line) {
        if (in.acceptOp(")")) {
            return new TupleExpr(line, List.of());
        }
        if (in.atKeyword("yield")) {
            throw new OutsideSubset(in.line(), "'yield'");
        }
        Expr first = expr.starExpression();
        if (isComprehension(first)) {
            Expr gen = comprehension(ComprehensionKind.GENERATOR, first, line);
            in.expectOp(")");
            return gen;
        }
        if (in.acceptOp(")")) {
            return expr.notStarred(first);
        }
        List<Expr> elts = rest(first, ")");
        return new TupleExpr(line, elts);
    }

    /** {@code [a, *b]} or {@code [x for ...]}. */
    Expr list(int line) {
        if (in.acceptOp("]")) {
            return new ListExpr(line, List.of());
        }
        Expr first = expr.starExpression();
        if (isComprehension(first)) {
            Expr comp = comprehension(ComprehensionKind.LIST, first, line);
            in.expectOp("]");
            return comp;
        }
        return new ListExpr(line, rest(first, "]"));
    }

    /** {@code {}}, {@code {k: v, **d}}, {@code {k: v for ...}}, {@code {a, *b}} or {@code {x for ...}}. */
    Expr dictOrSet(int line) {
        if (in.acceptOp("}")) {
            return new DictExpr(line, List.of(), List.of());
        }
        if (in.atOp("**")) {
            return dict(line, null, null);
        }
        Expr first = expr.starExpression();
        if (in.acceptOp(":")) {
            if (first instanceof Starred s) {
                throw new InvalidSyntax(s.line(), "cannot use a starred expression in a dictionary key");
            }
            Expr value = dictValue();
            if (in.atKeyword("for") || in.atKeyword("async")) {
                List<Comprehension> generators = generators();
                in.expectOp("}");
                return new DictComp(line, first, value, generators);
            }
            return dict(line, first, value);
        }
        if (isComprehension(first)) {
            Expr comp = comprehension(ComprehensionKind.SET, first, line);
            in.expectOp("}");
            return comp;
        }
        return new SetExpr(line, rest(first, "}"));
    }

    /** The entries of a dict display after the first {@code key: value} (or from a leading {@code **d}). */
    private Expr dict(int line, Expr firstKey, Expr firstValue) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        if (firstValue != null) {
            keys.add(firstKey);
            values.add(firstValue);
            if (!in.acceptOp(",")) {
                in.expectOp("}");
                return new DictExpr(line, keys, values);
            }
        }
        while (!in.acceptOp("}")) {
            if (in.acceptOp("**")) {
                keys.add(null);
                values.add(expr.bitwiseOr());
                if (in.atKeyword("for")) {
                    throw new InvalidSyntax(in.line(), "dict unpacking cannot be used in dict comprehension");
                }
            } else {
                keys.add(expr.expression());
                in.expectOp(":");
                values.add(dictValue());
            }
            if (!in.acceptOp(",")) {
                in.expectOp("}");
                break;
            }
        }
        return new DictExpr(line, keys, values);
    }

    private Expr dictValue() {
        if (in.atOp("*")) {
            throw new InvalidSyntax(in.line(), "cannot use a starred expression in a dictionary value");
        }
        return expr.expression();
    }

    /** The elements after the first of a tuple, list or set display, through the closing bracket. */
    private List<Expr> rest(Expr first, String close) {
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (in.acceptOp(",")) {
            if (in.atOp(close)) {
                break;
            }
            elts.add(expr.starExpression());
        }
        in.expectOp(close);
        return elts;
    }

    private boolean isComprehension(Expr first) {
        if (!in.atKeyword("for") && !in.atKeyword("async")) {
            return false;
        }
        if (first instanceof Starred s) {
            throw new InvalidSyntax(s.line(), "iterable unpacking cannot be used in comprehension");
        }
        return true;
    }

    Expr comprehension(ComprehensionKind kind, Expr elt, int line) {
        return new Comp(line, kind, elt, generators());
    }

    /** {@code for target in iter if cond ...}, one or more; iterables and conditions are disjunctions. */
    private List<Comprehension> generators() {
        List<Comprehension> generators = new ArrayList<>();
        do {
            if (in.atKeyword("async")) {
                throw new OutsideSubset(in.line(), "asynchronous comprehensions");
            }
            in.expectKeyword("for");
            Expr target = targets("in");
            in.expectKeyword("in");
            Expr iter = expr.disjunction();
            List<Expr> ifs = new ArrayList<>();
            while (in.acceptKeyword("if")) {
                ifs.add(expr.disjunction());
            }
            generators.add(new Comprehension(target, iter, ifs));
        } while (in.atKeyword("for") || in.atKeyword("async"));
        return generators;
    }

    /**
     * {@code star_targets} before {@code in} (comprehensions, for statements): parsed as bitwise_or operands so
     * the {@code in} is not taken for a comparison, then checked to be assignable.
     */
    Expr targets(String endKeyword) {
        int line = in.line();
        Expr first = target();
        if (!in.atOp(",")) {
            Targets.checkStore(first);
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (in.acceptOp(",") && !in.atKeyword(endKeyword)) {
            elts.add(target());
        }
        Expr tuple = new TupleExpr(line, elts);
        Targets.checkStore(tuple);
        return tuple;
    }

    private Expr target() {
        if (in.atOp("*")) {
            int line = in.next().line();
            return new Starred(line, expr.bitwiseOr());
        }
        return expr.bitwiseOr();
    }
}
