package dev.sequor.expr.python.syntax;

import dev.sequor.expr.python.syntax.Node.Alias;
import dev.sequor.expr.python.syntax.Node.Import;
import dev.sequor.expr.python.syntax.Node.ImportFrom;
import dev.sequor.expr.python.syntax.Node.Stmt;
import java.util.ArrayList;
import java.util.List;

/** {@code import a.b as c, d} and {@code from a.b import (c as d, e)}; relative and star imports are left out. */
final class Imports {

    private Imports() {
    }

    static Stmt importStatement(TokenCursor in) {
        int line = in.next().line();
        List<Alias> names = new ArrayList<>();
        do {
            String module = dottedName(in);
            names.add(new Alias(module, in.acceptKeyword("as") ? in.expectName() : null));
        } while (in.acceptOp(","));
        return new Import(line, names);
    }

    static Stmt fromImport(TokenCursor in) {
        int line = in.next().line();
        if (in.atOp(".") || in.atOp("...")) {
            throw new OutsideSubset(line, "relative imports");
        }
        String module = dottedName(in);
        in.expectKeyword("import");
        if (in.atOp("*")) {
            throw new OutsideSubset(line, "'from ... import *'");
        }
        boolean parenthesized = in.acceptOp("(");
        List<Alias> names = new ArrayList<>();
        do {
            if (parenthesized && in.atOp(")") && !names.isEmpty()) {
                break; // trailing comma, allowed inside parentheses only
            }
            String name = in.expectName();
            names.add(new Alias(name, in.acceptKeyword("as") ? in.expectName() : null));
        } while (in.acceptOp(","));
        if (parenthesized) {
            in.expectOp(")");
        }
        return new ImportFrom(line, module, names);
    }

    private static String dottedName(TokenCursor in) {
        String name = in.expectName();
        if (!in.atOp(".")) {
            return name;
        }
        StringBuilder dotted = new StringBuilder(name);
        while (in.acceptOp(".")) {
            dotted.append('.').append(in.expectName());
        }
        return dotted.toString();
    }
}
