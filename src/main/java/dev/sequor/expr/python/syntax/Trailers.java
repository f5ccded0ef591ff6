package dev.sequor.expr.python.syntax;

import dev.sequor.expr.python.syntax.Node.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What can follow a primary besides {@code .name}: a call's argument list and a subscript's index or slices,
 * with the ordering rules CPython enforces on arguments.
 */
final class Trailers {

    private final ExpressionParser expr;
    private final TokenCursor in;

    Trailers(ExpressionParser expr) {
        this.expr = expr;
        this.in = expr.in;
    }

    /** After {@code func(}: positional, {@code *args}, {@code name=value}, {@code **kw}, or a bare generator. */
    Expr call(Expr func) {
        List<Expr> args = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        Set<String> names = null;
        boolean sawKeyword = false;
        boolean sawDoubleStar = false;
        while (!in.acceptOp(")")) {
            int line = in.line();
            if (in.acceptOp("*")) {
                if (sawDoubleStar) {
                    throw new InvalidSyntax(line, "iterable argument unpacking follows keyword argument unpacking");
                }
                args.add(new Starred(line, expr.expression()));
            } else if (in.acceptOp("**")) {
                keywords.add(new Keyword(line, null, expr.expression()));
                sawDoubleStar = true;
            } else if (in.atName() && in.peek(1).isOp("=")) {
                String name = TokenCursor.checkedName(in.next());
                in.next();
                if (names == null) {
                    names = new HashSet<>();
                }
                if (!names.add(name)) {
                    throw new InvalidSyntax(line, "keyword argument repeated: " + name);
                }
                keywords.add(new Keyword(line, name, expr.expression()));
                sawKeyword = true;
            } else {
                Expr arg = expr.expression();
                if (in.atKeyword("for") || in.atKeyword("async")) {
                    arg = expr.displays.comprehension(ComprehensionKind.GENERATOR, arg, arg.line());
                    if (!args.isEmpty() || !keywords.isEmpty() || !in.atOp(")")) {
                        throw new InvalidSyntax(line, "Generator expression must be parenthesized");
                    }
                }
                if (sawDoubleStar) {
                    throw new InvalidSyntax(line, "positional argument follows keyword argument unpacking");
                }
                if (sawKeyword) {
                    throw new InvalidSyntax(line, "positional argument follows keyword argument");
                }
                args.add(arg);
            }
            if (!in.acceptOp(",")) {
                in.expectOp(")");
                break;
            }
        }
        return new Call(func.line(), func, args, keywords);
    }

    /** After {@code value[}: one index or slice, or a tuple of them when there is a comma or a {@code *x}. */
    Expr slices() {
        int line = in.line();
        if (in.atOp("]")) {
            throw in.unexpected();
        }
        List<Expr> items = new ArrayList<>();
        boolean tuple = false;
        do {
            if (in.atOp("]")) {
                break; // trailing comma
            }
            if (in.atOp("*")) {
                int starLine = in.next().line();
                items.add(new Starred(starLine, expr.expression()));
                tuple = true;
            } else {
                items.add(slice());
            }
            tuple |= in.atOp(",");
        } while (in.acceptOp(","));
        in.expectOp("]");
        return tuple ? new TupleExpr(line, items) : items.get(0);
    }

    private Expr slice() {
        int line = in.line();
        Expr lower = in.atOp(":") ? null : expr.expression();
        if (!in.acceptOp(":")) {
            return lower;
        }
        Expr upper = endsSlicePart() ? null : expr.expression();
        Expr step = null;
        if (in.acceptOp(":")) {
            step = endsSlicePart() ? null : expr.expression();
        }
        return new Slice(line, lower, upper, step);
    }

    private boolean endsSlicePart() {
        return in.atOp(":") || in.atOp(",") || in.atOp("]");
    }
}
