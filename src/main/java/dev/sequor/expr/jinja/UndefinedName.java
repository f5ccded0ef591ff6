package dev.sequor.expr.jinja;

import java.util.Set;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstIdentifier;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;

/**
 * A name as the operand of {@code default}, {@code is defined} or {@code is undefined}: a {@link PythonUndefined}
 * when no {@code set}, loop or macro argument binds it, else its value, None included. Jinjava gives null for both
 * ({@link StrictNames} lets a tested name through as None), so {@code x|default(1)} also replaced an x set to None,
 * and {@code x is defined} was False for it, where Jinja2 keeps None and says True.
 */
final class UndefinedName extends AstRightValue {

    /** Python's literal names, which Jinjava resolves as names. */
    private static final Set<String> LITERALS = Set.of("None", "none", "True", "true", "False", "false");

    private final AstIdentifier name;

    private UndefinedName(AstIdentifier name) {
        this.name = name;
    }

    /** {@code operand} wrapped when it is a name, an attribute or an item lookup ({@link MissingAttribute}). */
    static AstNode tolerant(AstNode operand) {
        return operand instanceof AstIdentifier id ? new UndefinedName(id) : MissingAttribute.tolerant(operand);
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
        Object value = name.eval(bindings, context);
        if (value != null || LITERALS.contains(name.getName()) || StrictNames.isBound(name.getName())) {
            return value;
        }
        return new PythonUndefined("'" + name.getName() + "' is undefined");
    }

    @Override
    public String toString() {
        return name.toString();
    }

    @Override
    public void appendStructure(StringBuilder builder, Bindings bindings) {
        name.appendStructure(builder, bindings);
    }

    @Override
    public int getCardinality() {
        return 0;
    }

    @Override
    public AstNode getChild(int i) {
        return null;
    }
}
