package dev.sequor.expr.python.syntax;

import dev.sequor.expr.python.syntax.Node.*;
import dev.sequor.expr.python.syntax.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements of a function body: simple statements separated by {@code ;}, and the compound statements of the
 * subset ({@code if}, {@code for}, {@code while}, {@code def}) with indented or one-line bodies. Statement kinds
 * the subset leaves out are an {@link OutsideSubset} as soon as their keyword is seen.
 */
final class StatementParser {

    /** CPython's limit on statically nested loops (and try/with blocks, which the subset has none of). */
    private static final int MAX_NESTED_LOOPS = 20;

    private final TokenCursor in;
    private final ExpressionParser expr;
    private int loopDepth; // loops around the current statement, within the innermost def

    StatementParser(TokenCursor in, ExpressionParser expr) {
        this.in = in;
        this.expr = expr;
    }

    /** The whole body, through END; it must hold at least one statement. */
    List<Stmt> body() {
        if (in.at(Kind.END)) {
            throw new InvalidSyntax(in.line(), "expected an indented block");
        }
        List<Stmt> body = new ArrayList<>();
        while (!in.at(Kind.END)) {
            statement(body);
        }
        return body;
    }

    private void statement(List<Stmt> out) {
        Token t = in.peek();
        if (t.kind() == Kind.OP && t.text().equals("@")) {
            throw new OutsideSubset(t.line(), "decorators");
        }
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "if" -> {
                    out.add(ifStatement());
                    return;
                }
                case "for" -> {
                    out.add(forStatement());
                    return;
                }
                case "while" -> {
                    out.add(whileStatement());
                    return;
                }
                case "def" -> {
                    out.add(functionDef());
                    return;
                }
                case "try" -> throw new OutsideSubset(t.line(), "'try' statements");
                case "with" -> throw new OutsideSubset(t.line(), "'with' statements");
                case "class" -> throw new OutsideSubset(t.line(), "'class' definitions");
                case "async" -> throw new OutsideSubset(t.line(), "'async' statements");
                case "match" -> {
                    if (logicalLineEndsWithColon()) {
                        throw new OutsideSubset(t.line(), "'match' statements");
                    }
                }
                case "type" -> {
                    if (in.peek(1).kind() == Kind.NAME && (in.peek(2).isOp("=") || in.peek(2).isOp("["))) {
                        throw new OutsideSubset(t.line(), "'type' statements");
                    }
                }
                default -> { }
            }
        }
        simpleStatements(out);
    }

    /** {@code match x:} starts a match statement; {@code match = 1} or {@code match(x)} use a name. */
    private boolean logicalLineEndsWithColon() {
        int i = 1;
        while (in.peek(i).kind() != Kind.NEWLINE && in.peek(i).kind() != Kind.END) {
            i++;
        }
        return in.peek(i - 1).isOp(":");
    }

    /** One or more simple statements on a line: {@code a = 1; b = 2;}. */
    private void simpleStatements(List<Stmt> out) {
        while (true) {
            out.add(simpleStatement());
            if (!in.acceptOp(";") || in.at(Kind.NEWLINE)) {
                break;
            }
        }
        in.expect(Kind.NEWLINE, "end of line");
    }

    private Stmt simpleStatement() {
        Token t = in.peek();
        int line = t.line();
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "pass" -> {
                    in.next();
                    return new Pass(line);
                }
                case "break", "continue" -> {
                    in.next();
                    if (loopDepth == 0) {
                        throw new InvalidSyntax(line, "'" + t.text() + "' outside loop");
                    }
                    return t.text().equals("break") ? new Break(line) : new Continue(line);
                }
                case "return" -> {
                    in.next();
                    return new Return(line, endsSimpleStatement() ? null : expr.starExpressions());
                }
                case "raise" -> {
                    return raise();
                }
                case "del" -> {
                    return delete();
                }
                case "assert" -> {
                    in.next();
                    Expr test = expr.expression();
                    return new Assert(line, test, in.acceptOp(",") ? expr.expression() : null);
                }
                case "import" -> {
                    return Imports.importStatement(in);
                }
                case "from" -> {
                    return Imports.fromImport(in);
                }
                case "global", "nonlocal" -> throw new OutsideSubset(line, "'" + t.text() + "' statements");
                case "if", "for", "while", "def", "try", "with", "class", "async" ->
                        throw new InvalidSyntax(line, "invalid syntax near '" + t.text() + "'");
                default -> { }
            }
        }
        if (t.kind() == Kind.INDENT) {
            throw in.unexpected();
        }
        return assignmentOrExpression();
    }

    private boolean endsSimpleStatement() {
        return in.at(Kind.NEWLINE) || in.atOp(";");
    }

    private Stmt raise() {
        int line = in.next().line();
        if (endsSimpleStatement()) {
            return new Raise(line, null, null);
        }
        Expr exc = expr.expression();
        return new Raise(line, exc, in.acceptKeyword("from") ? expr.expression() : null);
    }

    private Stmt delete() {
        int line = in.next().line();
        List<Expr> targets = new ArrayList<>();
        do {
            if (endsSimpleStatement() && !targets.isEmpty()) {
                break; // trailing comma
            }
            Expr target = expr.bitwiseOr();
            Targets.checkDelete(target);
            targets.add(target);
        } while (in.acceptOp(","));
        return new Delete(line, targets);
    }

    /** An expression statement, {@code a = b = value}, or {@code target op= value}. */
    private Stmt assignmentOrExpression() {
        int line = in.line();
        Expr first = expr.starExpressions();
        if (in.atOp(":")) {
            throw new OutsideSubset(line, "annotated assignments");
        }
        BinOperator aug = augmentedOperator();
        if (aug != null) {
            in.next();
            Targets.checkAugmented(first);
            return new AugAssign(line, first, aug, assignedValue());
        }
        if (!in.atOp("=")) {
            return new ExprStmt(line, first);
        }
        List<Expr> targets = new ArrayList<>();
        Expr value = first;
        while (in.acceptOp("=")) {
            Targets.checkStore(value);
            targets.add(value);
            value = assignedValue();
        }
        return new Assign(line, targets, value);
    }

    private Expr assignedValue() {
        if (in.atKeyword("yield")) {
            throw new OutsideSubset(in.line(), "'yield'");
        }
        return expr.starExpressions();
    }

    private BinOperator augmentedOperator() {
        Token t = in.peek();
        if (t.kind() != Kind.OP || t.text().length() < 2 || !t.text().endsWith("=")) {
            return null;
        }
        return switch (t.text()) {
            case "+=" -> BinOperator.ADD;
            case "-=" -> BinOperator.SUB;
            case "*=" -> BinOperator.MUL;
            case "/=" -> BinOperator.DIV;
            case "//=" -> BinOperator.FLOORDIV;
            case "%=" -> BinOperator.MOD;
            case "**=" -> BinOperator.POW;
            case "<<=" -> BinOperator.LSHIFT;
            case ">>=" -> BinOperator.RSHIFT;
            case "&=" -> BinOperator.BITAND;
            case "|=" -> BinOperator.BITOR;
            case "^=" -> BinOperator.BITXOR;
            case "@=" -> BinOperator.MATMUL;
            default -> null; // == != <= >=
        };
    }

    // ---------------------------------------------------------------- compound statements

    private Stmt ifStatement() {
        int line = in.next().line();
        Expr test = expr.expression();
        List<Stmt> body = block();
        List<Stmt> orElse = List.of();
        if (in.atKeyword("elif")) {
            orElse = List.of(ifStatement());
        } else if (in.acceptKeyword("else")) {
            orElse = block();
        }
        return new If(line, test, body, orElse);
    }

    private Stmt forStatement() {
        int line = in.next().line();
        Expr target = expr.displays.targets("in");
        in.expectKeyword("in");
        Expr iter = expr.starExpressions();
        List<Stmt> body = loopBody();
        List<Stmt> orElse = in.acceptKeyword("else") ? block() : List.of();
        return new For(line, target, iter, body, orElse);
    }

    private Stmt whileStatement() {
        int line = in.next().line();
        Expr test = expr.expression();
        List<Stmt> body = loopBody();
        List<Stmt> orElse = in.acceptKeyword("else") ? block() : List.of();
        return new While(line, test, body, orElse);
    }

    /** A loop's body, where break and continue are allowed (the else clause is outside the loop). */
    private List<Stmt> loopBody() {
        if (loopDepth + 1 >= MAX_NESTED_LOOPS) {
            throw new OutsideSubset(in.line(), "too many statically nested loops");
        }
        loopDepth++;
        try {
            return block();
        } finally {
            loopDepth--;
        }
    }

    private Stmt functionDef() {
        int line = in.next().line();
        String name = in.expectName();
        if (in.atOp("[")) {
            throw new OutsideSubset(line, "type parameters");
        }
        in.expectOp("(");
        Params params = ParamsParser.parse(expr, ")", true);
        in.expectOp(")");
        if (in.atOp("->")) {
            throw new OutsideSubset(line, "return annotations");
        }
        int outerLoops = loopDepth;
        loopDepth = 0; // a loop around the def does not make break valid inside it
        try {
            return new FunctionDef(line, name, params, block());
        } finally {
            loopDepth = outerLoops;
        }
    }

    /** {@code : NEWLINE INDENT statements DEDENT}, or {@code : simple statements} on the same line. */
    private List<Stmt> block() {
        in.expectOp(":");
        List<Stmt> body = new ArrayList<>();
        if (!in.at(Kind.NEWLINE)) {
            simpleStatements(body);
            return body;
        }
        in.next();
        if (!in.at(Kind.INDENT)) {
            throw new InvalidSyntax(in.line(), "expected an indented block");
        }
        in.next();
        while (!in.at(Kind.DEDENT) && !in.at(Kind.END)) {
            statement(body);
        }
        in.expect(Kind.DEDENT, "dedent");
        return body;
    }
}
