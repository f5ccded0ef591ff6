package dev.sequor.expr.python.syntax;

import dev.sequor.expr.python.syntax.Node.*;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a tree compactly, in the spirit of Python's {@code ast.dump}, so tests can state expected trees in one
 * line: names bare ({@code a}), constants as Python literals ({@code 1}, {@code 'x'}, {@code b'x'}, {@code None}),
 * operators infix inside their node ({@code BinOp(a + 1)}), absent parts as {@code null}.
 */
final class NodePrinter {

    private NodePrinter() {
    }

    static String print(ParsedSnippet s) {
        return s.isExpression() ? print(s.expression()) : body(s.body());
    }

    static String body(List<? extends Node> stmts) {
        return "[" + stmts.stream().map(NodePrinter::print).collect(Collectors.joining(", ")) + "]";
    }

    private static String all(List<? extends Node> nodes) {
        return nodes.stream().map(NodePrinter::print).collect(Collectors.joining(", "));
    }

    static String print(Node n) {
        if (n == null) {
            return "null";
        }
        return switch (n) {
            case Const c -> constant(c.value());
            case Name x -> x.id();
            case Attribute a -> "Attribute(" + print(a.value()) + ", " + a.attr() + ")";
            case Subscript s -> "Subscript(" + print(s.value()) + ", " + print(s.index()) + ")";
            case Slice s -> "Slice(" + print(s.lower()) + ", " + print(s.upper()) + ", " + print(s.step()) + ")";
            case Starred s -> "Starred(" + print(s.value()) + ")";
            case Call c -> "Call(" + print(c.func()) + ", [" + all(c.args()) + "], ["
                    + c.keywords().stream().map(NodePrinter::keyword).collect(Collectors.joining(", ")) + "])";
            case BinOp b -> "BinOp(" + print(b.left()) + " " + b.op().symbol + " " + print(b.right()) + ")";
            case UnaryOp u -> "UnaryOp(" + u.op().symbol + " " + print(u.operand()) + ")";
            case BoolOp b -> "BoolOp(" + (b.isAnd() ? "and" : "or") + ", [" + all(b.values()) + "])";
            case Compare c -> {
                StringBuilder sb = new StringBuilder("Compare(").append(print(c.left()));
                for (int i = 0; i < c.ops().size(); i++) {
                    sb.append(' ').append(c.ops().get(i).symbol).append(' ').append(print(c.comparators().get(i)));
                }
                yield sb.append(')').toString();
            }
            case IfExp i -> "IfExp(" + print(i.test()) + ", " + print(i.body()) + ", " + print(i.orElse()) + ")";
            case ListExpr l -> "List[" + all(l.elts()) + "]";
            case TupleExpr t -> "Tuple(" + all(t.elts()) + ")";
            case SetExpr s -> "Set{" + all(s.elts()) + "}";
            case DictExpr d -> {
                StringBuilder sb = new StringBuilder("Dict{");
                for (int i = 0; i < d.keys().size(); i++) {
                    sb.append(i == 0 ? "" : ", ");
                    sb.append(d.keys().get(i) == null ? "**" + print(d.values().get(i))
                            : print(d.keys().get(i)) + ": " + print(d.values().get(i)));
                }
                yield sb.append('}').toString();
            }
            case Comp c -> switch (c.kind()) {
                case LIST -> "ListComp";
                case SET -> "SetComp";
                case GENERATOR -> "GeneratorExp";
            } + "(" + print(c.elt()) + generators(c.generators()) + ")";
            case DictComp d -> "DictComp(" + print(d.key()) + ": " + print(d.value()) + generators(d.generators()) + ")";
            case Lambda l -> "Lambda(" + params(l.params()) + ", " + print(l.body()) + ")";
            case JoinedStr j -> "JoinedStr(" + all(j.values()) + ")";
            case FormattedValue f -> "FormattedValue(" + print(f.value())
                    + (f.conversion() == -1 ? "" : ", !" + (char) f.conversion())
                    + (f.formatSpec() == null ? "" : ", " + print(f.formatSpec())) + ")";
            case ExprStmt e -> "Expr(" + print(e.value()) + ")";
            case Assign a -> "Assign([" + all(a.targets()) + "], " + print(a.value()) + ")";
            case AugAssign a -> "AugAssign(" + print(a.target()) + " " + a.op().symbol + "= " + print(a.value()) + ")";
            case If i -> "If(" + print(i.test()) + ", " + body(i.body()) + ", " + body(i.orElse()) + ")";
            case For f -> "For(" + print(f.target()) + ", " + print(f.iter()) + ", " + body(f.body()) + ", "
                    + body(f.orElse()) + ")";
            case While w -> "While(" + print(w.test()) + ", " + body(w.body()) + ", " + body(w.orElse()) + ")";
            case Break b -> "Break";
            case Continue c -> "Continue";
            case Pass p -> "Pass";
            case Return r -> "Return(" + print(r.value()) + ")";
            case Raise r -> "Raise(" + print(r.exc()) + ", " + print(r.cause()) + ")";
            case Delete d -> "Delete(" + all(d.targets()) + ")";
            case Assert a -> "Assert(" + print(a.test()) + ", " + print(a.msg()) + ")";
            case Import i -> "Import(" + aliases(i.names()) + ")";
            case ImportFrom i -> "ImportFrom(" + i.module() + ", " + aliases(i.names()) + ")";
            case FunctionDef f -> "FunctionDef(" + f.name() + ", " + params(f.params()) + ", " + body(f.body()) + ")";
        };
    }

    private static String keyword(Keyword k) {
        return (k.name() == null ? "**" : k.name() + "=") + print(k.value());
    }

    private static String generators(List<Comprehension> gens) {
        StringBuilder sb = new StringBuilder();
        for (Comprehension g : gens) {
            sb.append(" for ").append(print(g.target())).append(" in ").append(print(g.iter()));
            g.ifs().forEach(i -> sb.append(" if ").append(print(i)));
        }
        return sb.toString();
    }

    private static String aliases(List<Alias> names) {
        return names.stream().map(a -> a.asName() == null ? a.name() : a.name() + " as " + a.asName())
                .collect(Collectors.joining(", "));
    }

    /** {@code (a, b=1, *args, c, d=2, **kw)}; a bare {@code *} when there are keyword-only ones without *args. */
    static String params(Params p) {
        StringBuilder sb = new StringBuilder("(");
        int firstDefault = p.positional().size() - p.defaults().size();
        for (int i = 0; i < p.positional().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(p.positional().get(i));
            if (i >= firstDefault) {
                sb.append('=').append(print(p.defaults().get(i - firstDefault)));
            }
        }
        if (p.varArgs() != null || !p.kwOnly().isEmpty()) {
            sb.append(sb.length() > 1 ? ", " : "").append('*').append(p.varArgs() == null ? "" : p.varArgs());
        }
        for (int i = 0; i < p.kwOnly().size(); i++) {
            sb.append(", ").append(p.kwOnly().get(i));
            if (p.kwDefaults().get(i) != null) {
                sb.append('=').append(print(p.kwDefaults().get(i)));
            }
        }
        if (p.varKw() != null) {
            sb.append(sb.length() > 1 ? ", " : "").append("**").append(p.varKw());
        }
        return sb.append(')').toString();
    }

    private static String constant(Object v) {
        return switch (v) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case Long l -> l.toString();
            case BigInteger b -> b + "(big)";
            case Double d -> d.toString();
            case String s -> "'" + escape(s) + "'";
            case byte[] b -> {
                StringBuilder sb = new StringBuilder();
                for (byte x : b) {
                    sb.append((char) (x & 0xff));
                }
                yield "b'" + escape(sb.toString()) + "'";
            }
            default -> throw new IllegalArgumentException("unexpected constant " + v.getClass());
        };
    }

    /** Backslash, quote and control characters escaped as Python's repr would, the rest as is. */
    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
