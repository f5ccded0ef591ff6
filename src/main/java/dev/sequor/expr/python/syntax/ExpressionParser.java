package dev.sequor.expr.python.syntax;

import dev.sequor.expr.python.syntax.Node.*;
import dev.sequor.expr.python.syntax.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions, one method per level of Python 3.12's grammar ({@code expression}, {@code disjunction}, ...,
 * {@code primary}, {@code atom}), so precedence and associativity are those of the grammar itself. Displays and
 * comprehensions are in {@link Displays}, call arguments and subscripts in {@link Trailers}, parameter lists in
 * {@link ParamsParser}.
 */
final class ExpressionParser {

    /** Deeper nesting is left to Python rather than risking a StackOverflowError here. */
    private static final int MAX_DEPTH = 100;

    final TokenCursor in;
    final Displays displays;
    private final Trailers trailers;
    private int depth;

    ExpressionParser(TokenCursor in) {
        this.in = in;
        this.displays = new Displays(this);
        this.trailers = new Trailers(this);
    }

    // ---------------------------------------------------------------- lists of expressions

    /** {@code star_expressions}: a tuple when there is a comma; a lone {@code *x} is an error. */
    Expr starExpressions() {
        int line = in.line();
        Expr first = starExpression();
        if (!in.atOp(",")) {
            return notStarred(first);
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (in.acceptOp(",") && startsExpression()) {
            elts.add(starExpression());
        }
        return new TupleExpr(line, elts);
    }

    /** {@code expressions} (an expression snippet): like star_expressions without {@code *x}. */
    Expr expressions() {
        int line = in.line();
        Expr first = expression();
        if (!in.atOp(",")) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (in.acceptOp(",") && startsExpression()) {
            elts.add(expression());
        }
        return new TupleExpr(line, elts);
    }

    /** {@code '*' bitwise_or | expression}, as in tuples, lists and sets. */
    Expr starExpression() {
        if (in.atOp("*")) {
            int line = in.next().line();
            return new Starred(line, bitwiseOr());
        }
        return expression();
    }

    Expr notStarred(Expr e) {
        if (e instanceof Starred s) {
            throw new InvalidSyntax(s.line(), "can't use starred expression here");
        }
        return e;
    }

    /** Whether the current token can start an expression (to tell a trailing comma from another element). */
    boolean startsExpression() {
        Token t = in.peek();
        return switch (t.kind()) {
            case NAME -> !TokenCursor.KEYWORDS.contains(t.text()) || switch (t.text()) {
                case "True", "False", "None", "not", "lambda", "await", "yield" -> true;
                default -> false;
            };
            case NUMBER, STRING -> true;
            case OP -> switch (t.text()) {
                case "(", "[", "{", "-", "+", "~", "*", "..." -> true;
                default -> false;
            };
            default -> false;
        };
    }

    // ---------------------------------------------------------------- boolean and conditional levels

    Expr expression() {
        enter();
        try {
            if (in.atKeyword("lambda")) {
                return lambda();
            }
            Expr body = disjunction();
            if (!in.acceptKeyword("if")) {
                return body;
            }
            Expr test = disjunction();
            in.expectKeyword("else");
            return new IfExp(body.line(), test, body, expression());
        } finally {
            depth--;
        }
    }

    private Expr lambda() {
        int line = in.next().line();
        Params params = ParamsParser.parse(this, ":", false);
        in.expectOp(":");
        return new Lambda(line, params, expression());
    }

    Expr disjunction() {
        Expr first = conjunction();
        if (!in.atKeyword("or")) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (in.acceptKeyword("or")) {
            values.add(conjunction());
        }
        return new BoolOp(first.line(), false, values);
    }

    private Expr conjunction() {
        Expr first = inversion();
        if (!in.atKeyword("and")) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (in.acceptKeyword("and")) {
            values.add(inversion());
        }
        return new BoolOp(first.line(), true, values);
    }

    private Expr inversion() {
        if (in.atKeyword("not")) {
            int line = in.next().line();
            enter();
            try {
                return new UnaryOp(line, UnaryOperator.NOT, inversion());
            } finally {
                depth--;
            }
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = bitwiseOr();
        List<CmpOperator> ops = null;
        List<Expr> comparators = null;
        CmpOperator op;
        while ((op = comparisonOperator()) != null) {
            if (ops == null) {
                ops = new ArrayList<>();
                comparators = new ArrayList<>();
            }
            ops.add(op);
            comparators.add(bitwiseOr());
        }
        return ops == null ? left : new Compare(left.line(), left, ops, comparators);
    }

    /** Consumes and returns the comparison operator at the cursor, or null. */
    private CmpOperator comparisonOperator() {
        Token t = in.peek();
        CmpOperator op = null;
        if (t.kind() == Kind.OP) {
            op = switch (t.text()) {
                case "==" -> CmpOperator.EQ;
                case "!=" -> CmpOperator.NE;
                case "<" -> CmpOperator.LT;
                case "<=" -> CmpOperator.LE;
                case ">" -> CmpOperator.GT;
                case ">=" -> CmpOperator.GE;
                default -> null;
            };
        } else if (t.isName("in")) {
            op = CmpOperator.IN;
        } else if (t.isName("is")) {
            if (in.peek(1).isName("not")) {
                in.next();
                op = CmpOperator.IS_NOT;
            } else {
                op = CmpOperator.IS;
            }
        } else if (t.isName("not") && in.peek(1).isName("in")) {
            in.next();
            op = CmpOperator.NOT_IN;
        }
        if (op != null) {
            in.next();
        }
        return op;
    }

    // ---------------------------------------------------------------- arithmetic levels

    Expr bitwiseOr() {
        Expr left = bitwiseXor();
        while (in.atOp("|")) {
            in.next();
            left = new BinOp(left.line(), left, BinOperator.BITOR, bitwiseXor());
        }
        return left;
    }

    private Expr bitwiseXor() {
        Expr left = bitwiseAnd();
        while (in.atOp("^")) {
            in.next();
            left = new BinOp(left.line(), left, BinOperator.BITXOR, bitwiseAnd());
        }
        return left;
    }

    private Expr bitwiseAnd() {
        Expr left = shift();
        while (in.atOp("&")) {
            in.next();
            left = new BinOp(left.line(), left, BinOperator.BITAND, shift());
        }
        return left;
    }

    private Expr shift() {
        Expr left = sum();
        while (in.atOp("<<") || in.atOp(">>")) {
            BinOperator op = in.next().text().equals("<<") ? BinOperator.LSHIFT : BinOperator.RSHIFT;
            if (op == BinOperator.RSHIFT && left instanceof Name n && n.id().equals("print")) {
                // valid syntax, but Python's TypeError for it carries a hint only Python gives
                throw new OutsideSubset(left.line(), "Python 2 'print >>' statement");
            }
            left = new BinOp(left.line(), left, op, sum());
        }
        return left;
    }

    private Expr sum() {
        Expr left = term();
        while (in.atOp("+") || in.atOp("-")) {
            BinOperator op = in.next().text().equals("+") ? BinOperator.ADD : BinOperator.SUB;
            left = new BinOp(left.line(), left, op, term());
        }
        return left;
    }

    private Expr term() {
        Expr left = factor();
        while (true) {
            BinOperator op = switch (in.peek().kind() == Kind.OP ? in.peek().text() : "") {
                case "*" -> BinOperator.MUL;
                case "/" -> BinOperator.DIV;
                case "//" -> BinOperator.FLOORDIV;
                case "%" -> BinOperator.MOD;
                case "@" -> BinOperator.MATMUL;
                default -> null;
            };
            if (op == null) {
                return left;
            }
            in.next();
            left = new BinOp(left.line(), left, op, factor());
        }
    }

    /** Unary {@code + - ~}; they bind less tightly than {@code **} on their right: {@code -2**2} is -(2**2). */
    private Expr factor() {
        UnaryOperator op = switch (in.peek().kind() == Kind.OP ? in.peek().text() : "") {
            case "-" -> UnaryOperator.NEG;
            case "+" -> UnaryOperator.POS;
            case "~" -> UnaryOperator.INVERT;
            default -> null;
        };
        if (op == null) {
            return power();
        }
        int line = in.next().line();
        enter();
        try {
            return new UnaryOp(line, op, factor());
        } finally {
            depth--;
        }
    }

    /** {@code primary ** factor}: right-associative through factor, and {@code 2**-1} is valid. */
    private Expr power() {
        if (in.atKeyword("await")) {
            throw new OutsideSubset(in.line(), "'await'");
        }
        Expr base = primary();
        if (!in.acceptOp("**")) {
            return base;
        }
        enter();
        try {
            return new BinOp(base.line(), base, BinOperator.POW, factor());
        } finally {
            depth--;
        }
    }

    // ---------------------------------------------------------------- primaries

    private Expr primary() {
        Expr e = atom();
        while (true) {
            if (in.acceptOp(".")) {
                e = new Attribute(e.line(), e, in.expectName());
            } else if (in.acceptOp("(")) {
                e = trailers.call(e);
            } else if (in.acceptOp("[")) {
                e = new Subscript(e.line(), e, trailers.slices());
            } else {
                return e;
            }
        }
    }

    // ---------------------------------------------------------------- atoms

    private Expr atom() {
        Token t = in.peek();
        switch (t.kind()) {
            case NAME -> {
                in.next();
                return switch (t.text()) {
                    case "True" -> new Const(t.line(), Boolean.TRUE);
                    case "False" -> new Const(t.line(), Boolean.FALSE);
                    case "None" -> new Const(t.line(), null);
                    case "yield" -> throw new OutsideSubset(t.line(), "'yield'");
                    case "await" -> throw new OutsideSubset(t.line(), "'await'");
                    default -> {
                        if (TokenCursor.KEYWORDS.contains(t.text())) {
                            throw new InvalidSyntax(t.line(), "invalid syntax near '" + t.text() + "'");
                        }
                        yield new Name(t.line(), TokenCursor.checkedName(t));
                    }
                };
            }
            case NUMBER -> {
                in.next();
                return new Const(t.line(), t.value());
            }
            case STRING -> {
                return strings();
            }
            case OP -> {
                switch (t.text()) {
                    case "(" -> {
                        in.next();
                        return displays.parenthesized(t.line());
                    }
                    case "[" -> {
                        in.next();
                        return displays.list(t.line());
                    }
                    case "{" -> {
                        in.next();
                        return displays.dictOrSet(t.line());
                    }
                    case "..." -> throw new OutsideSubset(t.line(), "'...' (Ellipsis)");
                    default -> throw in.unexpected();
                }
            }
            default -> throw in.unexpected();
        }
    }

    /** Adjacent string literals, concatenated. */
    private Expr strings() {
        int line = in.line();
        List<StringLiterals.Piece> pieces = new ArrayList<>();
        while (in.at(Kind.STRING)) {
            pieces.add((StringLiterals.Piece) in.next().value());
        }
        return StringLiterals.concatenate(pieces, line);
    }

    // ---------------------------------------------------------------- nesting guard

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new OutsideSubset(in.line(), "an expression nested too deeply");
        }
    }
}
