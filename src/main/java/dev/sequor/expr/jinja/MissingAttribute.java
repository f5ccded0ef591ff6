package dev.sequor.expr.jinja;

import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstBracket;
import jinjava.de.odysseus.el.tree.impl.ast.AstDot;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstProperty;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;

/**
 * The operand of {@code is defined}, {@code is undefined} or {@code default} when it is an attribute or item
 * ({@code d.zz is defined}, {@code d['zz'] | default(5)}): a missing last attribute or key is a
 * {@link PythonUndefined}, as Jinja2 gives them an Undefined (False, and 5), and one that holds None stays None. Everything before the last lookup still fails as
 * usual ({@code d.a.b.c is defined} with no {@code d.a.b} fails in Jinja2 too). Jinjava evaluated the operand first,
 * so the missing attribute was an error.
 */
final class MissingAttribute extends AstRightValue {

    private final AstProperty lookup;

    MissingAttribute(AstProperty lookup) {
        this.lookup = lookup;
    }

    /** {@code operand} wrapped when it is an attribute or item lookup; any other operand as it is. */
    static AstNode tolerant(AstNode operand) {
        return operand instanceof AstDot || operand instanceof AstBracket ? new MissingAttribute((AstProperty) operand)
                : operand;
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
        Object base = lookup.getChild(0).eval(bindings, context);
        Object property = lookup instanceof AstBracket ? lookup.getChild(1).eval(bindings, context)
                : lookup.toString().substring(2); // AstDot prints ". name"
        try {
            context.setPropertyResolved(false);
            return context.getELResolver().getValue(context, base, property);
        } catch (TemplateValueException e) {
            return new PythonUndefined(e.text());
        }
    }

    @Override
    public String toString() {
        return lookup.toString();
    }

    @Override
    public void appendStructure(StringBuilder builder, Bindings bindings) {
        lookup.appendStructure(builder, bindings);
    }

    @Override
    public int getCardinality() {
        return lookup.getCardinality();
    }

    @Override
    public AstNode getChild(int i) {
        return lookup.getChild(i);
    }
}
