package dev.sequor.expr.python.syntax;

import dev.sequor.expr.python.syntax.Node.*;

/**
 * What may be assigned to or deleted. Targets are parsed as expressions and checked here, which accepts exactly
 * Python's {@code star_targets}, {@code single_target} and {@code del_targets}: parentheses never change whether
 * a target is valid, so the tree (which does not record them) is enough.
 */
final class Targets {

    private Targets() {
    }

    /** An assignment or for target: a name, attribute, subscript, or a tuple/list of targets with one starred. */
    static void checkStore(Expr target) {
        if (target instanceof Starred s) {
            throw new InvalidSyntax(s.line(), "starred assignment target must be in a list or tuple");
        }
        checkStoreElement(target);
    }

    private static void checkStoreElement(Expr target) {
        switch (target) {
            case Name n -> { }
            case Attribute a -> { }
            case Subscript s -> { }
            case Starred s -> {
                if (s.value() instanceof Starred) {
                    throw cannot("assign to", s.value());
                }
                checkStoreElement(s.value());
            }
            case TupleExpr t -> checkSequence(t.elts());
            case ListExpr l -> checkSequence(l.elts());
            default -> throw cannot("assign to", target);
        }
    }

    private static void checkSequence(java.util.List<Expr> elts) {
        boolean starred = false;
        for (Expr e : elts) {
            if (e instanceof Starred s) {
                if (starred) {
                    throw new InvalidSyntax(s.line(), "multiple starred expressions in assignment");
                }
                starred = true;
            }
            checkStoreElement(e);
        }
    }

    /** The target of {@code x += 1}: a single name, attribute or subscript. */
    static void checkAugmented(Expr target) {
        if (!(target instanceof Name || target instanceof Attribute || target instanceof Subscript)) {
            throw new InvalidSyntax(target.line(), "'" + describe(target) + "' is an illegal expression for augmented assignment");
        }
    }

    /** A {@code del} target: a name, attribute, subscript, or a tuple/list of them (no starred). */
    static void checkDelete(Expr target) {
        switch (target) {
            case Name n -> { }
            case Attribute a -> { }
            case Subscript s -> { }
            case TupleExpr t -> t.elts().forEach(Targets::checkDelete);
            case ListExpr l -> l.elts().forEach(Targets::checkDelete);
            default -> throw cannot("delete", target);
        }
    }

    private static InvalidSyntax cannot(String action, Expr target) {
        return new InvalidSyntax(target.line(), "cannot " + action + " " + describe(target));
    }

    /** Python's words for an expression in these messages. */
    private static String describe(Expr e) {
        return switch (e) {
            case Const c when c.value() == null -> "None";
            case Const c when c.value() instanceof Boolean b -> b ? "True" : "False";
            case Const c -> "literal";
            case JoinedStr j -> "f-string expression";
            case Call c -> "function call";
            case Starred s -> "starred";
            case TupleExpr t -> "tuple";
            case ListExpr l -> "list";
            case Comp c -> c.kind() == ComprehensionKind.GENERATOR ? "generator expression" : "comprehension";
            case DictComp d -> "dict comprehension";
            case DictExpr d -> "dict literal";
            case SetExpr s -> "set display";
            case Lambda l -> "lambda";
            case IfExp i -> "conditional expression";
            case Compare c -> "comparison";
            case Name n -> "name";
            default -> "expression";
        };
    }
}
