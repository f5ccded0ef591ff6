package dev.sequor.expr.python.syntax;

import dev.sequor.expr.python.syntax.Node.Expr;
import dev.sequor.expr.python.syntax.Node.Params;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parameters of a {@code def} or a {@code lambda}, up to (not including) the closing {@code )} or {@code :}:
 * positional with defaults, {@code *args} or a bare {@code *}, keyword-only, {@code **kwargs}. Positional-only
 * markers and annotations are outside the subset.
 */
final class ParamsParser {

    private ParamsParser() {
    }

    static Params parse(ExpressionParser expr, String close, boolean isDef) {
        TokenCursor in = expr.in;
        List<String> positional = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        String varArgs = null;
        List<String> kwOnly = new ArrayList<>();
        List<Expr> kwDefaults = new ArrayList<>();
        String varKw = null;
        Set<String> seen = new HashSet<>();
        boolean afterStar = false;
        while (!in.atOp(close)) {
            int line = in.line();
            if (in.atOp("/")) {
                throw new OutsideSubset(line, "positional-only parameters ('/')");
            }
            if (in.acceptOp("**")) {
                varKw = name(in, seen, isDef);
                in.acceptOp(",");
                if (!in.atOp(close)) {
                    throw new InvalidSyntax(line, "arguments cannot follow var-keyword argument");
                }
                break;
            }
            if (in.acceptOp("*")) {
                if (afterStar) {
                    throw new InvalidSyntax(line, "* argument may appear only once");
                }
                afterStar = true;
                if (in.atOp(",")) {
                    // a bare * must be followed by a keyword-only parameter
                    if (!in.peek(1).kind().equals(Token.Kind.NAME)) {
                        throw new InvalidSyntax(line, "named arguments must follow bare *");
                    }
                } else if (in.atOp(close)) {
                    throw new InvalidSyntax(line, "named arguments must follow bare *");
                } else {
                    varArgs = name(in, seen, isDef);
                }
            } else {
                String name = name(in, seen, isDef);
                Expr dflt = in.acceptOp("=") ? expr.expression() : null;
                if (afterStar) {
                    kwOnly.add(name);
                    kwDefaults.add(dflt);
                } else if (dflt != null) {
                    positional.add(name);
                    defaults.add(dflt);
                } else if (!defaults.isEmpty()) {
                    throw new InvalidSyntax(line, "parameter without a default follows parameter with a default");
                } else {
                    positional.add(name);
                }
            }
            if (!in.acceptOp(",")) {
                break;
            }
        }
        return new Params(positional, defaults, varArgs, kwOnly, kwDefaults, varKw);
    }

    private static String name(TokenCursor in, Set<String> seen, boolean isDef) {
        int line = in.line();
        String name = in.expectName();
        if (isDef && in.atOp(":")) {
            throw new OutsideSubset(line, "parameter annotations");
        }
        if (!seen.add(name)) {
            throw new InvalidSyntax(line, "duplicate argument '" + name + "' in function definition");
        }
        return name;
    }
}
