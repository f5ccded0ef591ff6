package dev.sequor.expr.jinja;

import com.hubspot.jinjava.el.ext.StringBuildingOperator;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.impl.Parser.ExtensionHandler;
import jinjava.de.odysseus.el.tree.impl.Parser.ExtensionPoint;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;

/**
 * Jinja2's {@code a ~ b}: {@code str(a) + str(b)} with Python's {@code str()} ({@code 'x' ~ none} is {@code xNone},
 * {@code 'x' ~ true} is {@code xTrue}, a dict prints as {@code {'a': 1}}), replacing Jinjava's, which converts with
 * Java's forms ({@code x}, {@code xtrue}, {@code {a=1}}). The text is still built under Jinjava's output size limit.
 */
final class PythonConcatOperator extends AstBinary.SimpleOperator implements StringBuildingOperator {

    private static final PythonConcatOperator OP = new PythonConcatOperator();

    /** What {@link PythonParser} registers for the {@code ~} token. */
    static final ExtensionHandler HANDLER = new ExtensionHandler(ExtensionPoint.ADD) {
        @Override
        public AstNode createAstNode(AstNode... children) {
            return new AstBinary(children[0], children[1], OP);
        }
    };

    @Override
    protected Object apply(TypeConverter converter, Object o1, Object o2) {
        return getStringBuilder().append(PythonStr.str(o1)).append(PythonStr.str(o2)).toString();
    }

    @Override
    public String toString() {
        return "~";
    }
}
