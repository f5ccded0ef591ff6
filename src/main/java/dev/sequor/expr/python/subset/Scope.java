package dev.sequor.expr.python.subset;

import dev.sequor.expr.python.syntax.Node;
import dev.sequor.expr.python.syntax.Node.Expr;
import dev.sequor.expr.python.syntax.Node.Stmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local variables of one function scope, found before compiling it as Python's compiler does: a name bound
 * anywhere in the body (assigned, a loop target, imported, a def, deleted) is local in the whole body; any other
 * name is read from an enclosing function or else from the builtins. Comprehensions and lambdas are scopes too.
 */
final class Scope {

    final Scope enclosing;
    final String qualName;
    private final Map<String, Integer> slots = new LinkedHashMap<>();

    Scope(Scope enclosing, String qualName) {
        this.enclosing = enclosing;
        this.qualName = qualName;
    }

    int size() {
        return slots.size();
    }

    int declare(String name) {
        return slots.computeIfAbsent(name, k -> slots.size());
    }

    /** The slot of a local, or -1. */
    int slot(String name) {
        Integer i = slots.get(name);
        return i == null ? -1 : i;
    }

    List<String> names() {
        return new ArrayList<>(slots.keySet());
    }

    /** The prefix Python uses for functions defined in this scope: {@code evaluate.<locals>.}. */
    String childPrefix() {
        return qualName + ".<locals>.";
    }

    /** Declares every name the statements bind, not looking inside nested functions, lambdas or comprehensions. */
    void declareBindings(List<Stmt> body) {
        for (Stmt s : body) {
            declareBindings(s);
        }
    }

    private void declareBindings(Stmt s) {
        switch (s) {
            case Node.Assign a -> a.targets().forEach(this::declareTarget);
            case Node.AugAssign a -> declareTarget(a.target());
            case Node.For f -> {
                declareTarget(f.target());
                declareBindings(f.body());
                declareBindings(f.orElse());
            }
            case Node.While w -> {
                declareBindings(w.body());
                declareBindings(w.orElse());
            }
            case Node.If i -> {
                declareBindings(i.body());
                declareBindings(i.orElse());
            }
            case Node.Delete d -> d.targets().forEach(this::declareTarget);
            case Node.Import im -> im.names().forEach(a -> declare(a.asName() != null ? a.asName() : topName(a.name())));
            case Node.ImportFrom im -> im.names().forEach(a -> declare(a.asName() != null ? a.asName() : a.name()));
            case Node.FunctionDef fd -> declare(fd.name());
            default -> {
            }
        }
    }

    void declareTarget(Expr target) {
        switch (target) {
            case Node.Name n -> declare(n.id());
            case Node.TupleExpr t -> t.elts().forEach(this::declareTarget);
            case Node.ListExpr l -> l.elts().forEach(this::declareTarget);
            case Node.Starred st -> declareTarget(st.value());
            default -> {
            }
        }
    }

    private static String topName(String dotted) {
        int dot = dotted.indexOf('.');
        return dot < 0 ? dotted : dotted.substring(0, dot);
    }
}
