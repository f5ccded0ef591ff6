package dev.sequor.expr.python.syntax;

import java.util.List;

/**
 * The syntax tree of the Python subset that Sequor evaluates in Java (see {@code docs/python-subset.md}). Pure
 * data, as in Python's own {@code ast} module but only for the forms the subset accepts; the {@link Parser} throws
 * {@link OutsideSubset} for anything else, and the snippet then runs on GraalPy unchanged.
 *
 * <p>Every node carries the 1-based line of the snippet it starts on, for error messages.
 */
public sealed interface Node {

    int line();

    // ---------------------------------------------------------------- expressions

    sealed interface Expr extends Node {
    }

    /**
     * A literal: {@code Long} or {@code BigInteger} (ints; Long whenever it fits), {@code Double}, {@code String},
     * {@code byte[]} (bytes literals), {@code Boolean}, or null for {@code None}. {@code ...} is outside the subset.
     */
    record Const(int line, Object value) implements Expr {
    }

    record Name(int line, String id) implements Expr {
    }

    record Attribute(int line, Expr value, String attr) implements Expr {
    }

    /** {@code value[index]}; a slice index is a {@link Slice}; {@code a[1, 2]} has a {@link TupleExpr} index. */
    record Subscript(int line, Expr value, Expr index) implements Expr {
    }

    /** {@code lower:upper:step} inside a subscript; absent parts are null. */
    record Slice(int line, Expr lower, Expr upper, Expr step) implements Expr {
    }

    /** {@code *value} in a call's arguments, a list/tuple/set display, or an assignment target. */
    record Starred(int line, Expr value) implements Expr {
    }

    /** {@code name=value}, or {@code **value} when {@code name} is null. */
    record Keyword(int line, String name, Expr value) {
    }

    /** Positional arguments may be {@link Starred}. */
    record Call(int line, Expr func, List<Expr> args, List<Keyword> keywords) implements Expr {
    }

    enum BinOperator {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOORDIV("//"), MOD("%"), POW("**"),
        LSHIFT("<<"), RSHIFT(">>"), BITOR("|"), BITXOR("^"), BITAND("&"), MATMUL("@");

        public final String symbol;

        BinOperator(String symbol) {
            this.symbol = symbol;
        }
    }

    record BinOp(int line, Expr left, BinOperator op, Expr right) implements Expr {
    }

    enum UnaryOperator {
        NEG("-"), POS("+"), NOT("not"), INVERT("~");

        public final String symbol;

        UnaryOperator(String symbol) {
            this.symbol = symbol;
        }
    }

    record UnaryOp(int line, UnaryOperator op, Expr operand) implements Expr {
    }

    /** {@code a and b and c} (isAnd) or {@code a or b or c}: two or more values, flattened. */
    record BoolOp(int line, boolean isAnd, List<Expr> values) implements Expr {
    }

    enum CmpOperator {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IS("is"), IS_NOT("is not"), IN("in"), NOT_IN("not in");

        public final String symbol;

        CmpOperator(String symbol) {
            this.symbol = symbol;
        }
    }

    /** {@code left op0 c0 op1 c1 ...}: a chained comparison has several operators, each operand evaluated once. */
    record Compare(int line, Expr left, List<CmpOperator> ops, List<Expr> comparators) implements Expr {
    }

    /** {@code body if test else orElse}. */
    record IfExp(int line, Expr test, Expr body, Expr orElse) implements Expr {
    }

    /** Elements may be {@link Starred}. */
    record ListExpr(int line, List<Expr> elts) implements Expr {
    }

    /** Elements may be {@link Starred}. {@code ()} is the empty tuple. */
    record TupleExpr(int line, List<Expr> elts) implements Expr {
    }

    /** Elements may be {@link Starred}; never empty ({@code {}} is a dict). */
    record SetExpr(int line, List<Expr> elts) implements Expr {
    }

    /** Parallel lists; a null key means {@code **values[i]}. */
    record DictExpr(int line, List<Expr> keys, List<Expr> values) implements Expr {
    }

    /** One {@code for target in iter if cond...} clause of a comprehension. */
    record Comprehension(Expr target, Expr iter, List<Expr> ifs) {
    }

    enum ComprehensionKind { LIST, SET, GENERATOR }

    /** {@code [elt for ...]}, {@code {elt for ...}} or {@code (elt for ...)} (also a bare generator argument). */
    record Comp(int line, ComprehensionKind kind, Expr elt, List<Comprehension> generators) implements Expr {
    }

    record DictComp(int line, Expr key, Expr value, List<Comprehension> generators) implements Expr {
    }

    /** {@code lambda params: body}. */
    record Lambda(int line, Params params, Expr body) implements Expr {
    }

    /**
     * An f-string: the concatenation of its parts, each a {@link Const} string or a {@link FormattedValue}.
     * Adjacent literals ({@code 'a' f'b{x}'}) are joined into one JoinedStr.
     */
    record JoinedStr(int line, List<Expr> values) implements Expr {
    }

    /**
     * {@code {value!conversion:formatSpec}} inside an f-string; conversion is 's', 'r', 'a' or -1 when absent;
     * formatSpec is a {@link JoinedStr} (it may itself contain replacement fields) or null. The {@code {x=}}
     * debugging form becomes a Const {@code "x="} followed by a FormattedValue with conversion 'r' (as CPython does
     * when no spec is given).
     */
    record FormattedValue(int line, Expr value, int conversion, JoinedStr formatSpec) implements Expr {
    }

    // ---------------------------------------------------------------- statements

    sealed interface Stmt extends Node {
    }

    record ExprStmt(int line, Expr value) implements Stmt {
    }

    /**
     * {@code t1 = t2 = value}; each target is a Name, Attribute, Subscript, or a TupleExpr/ListExpr of targets
     * (which may hold one Starred).
     */
    record Assign(int line, List<Expr> targets, Expr value) implements Stmt {
    }

    /** {@code target op= value}; target is a Name, Attribute or Subscript. */
    record AugAssign(int line, Expr target, BinOperator op, Expr value) implements Stmt {
    }

    /** {@code if}, with {@code elif} chains nested as a single If in orElse. */
    record If(int line, Expr test, List<Stmt> body, List<Stmt> orElse) implements Stmt {
    }

    record For(int line, Expr target, Expr iter, List<Stmt> body, List<Stmt> orElse) implements Stmt {
    }

    record While(int line, Expr test, List<Stmt> body, List<Stmt> orElse) implements Stmt {
    }

    record Break(int line) implements Stmt {
    }

    record Continue(int line) implements Stmt {
    }

    record Pass(int line) implements Stmt {
    }

    /** value is null for a bare {@code return}. */
    record Return(int line, Expr value) implements Stmt {
    }

    /** {@code raise exc [from cause]}; exc null is a bare {@code raise}; cause may be null. */
    record Raise(int line, Expr exc, Expr cause) implements Stmt {
    }

    /** {@code del t1, t2}; each target a Name, Attribute, Subscript, or a TupleExpr/ListExpr of them. */
    record Delete(int line, List<Expr> targets) implements Stmt {
    }

    record Assert(int line, Expr test, Expr msg) implements Stmt {
    }

    /** {@code name} is dotted ({@code urllib.parse}); asName null when absent. */
    record Alias(String name, String asName) {
    }

    /** {@code import a.b as c, d}. */
    record Import(int line, List<Alias> names) implements Stmt {
    }

    /** {@code from module import a as b, c}; relative imports and {@code *} are outside the subset. */
    record ImportFrom(int line, String module, List<Alias> names) implements Stmt {
    }

    /** {@code def name(params): body}; decorators, annotations and async are outside the subset. */
    record FunctionDef(int line, String name, Params params, List<Stmt> body) implements Stmt {
    }

    /**
     * Parameters in order: {@code positional} (positional-or-keyword; a {@code /} marker is outside the subset),
     * {@code defaults} for the last {@code defaults.size()} of them, {@code varArgs} ({@code *args}, or null),
     * {@code kwOnly} with {@code kwDefaults} (parallel, null where there is no default), {@code varKw}
     * ({@code **kwargs}, or null).
     */
    record Params(List<String> positional, List<Expr> defaults, String varArgs, List<String> kwOnly,
            List<Expr> kwDefaults, String varKw) {
    }
}
