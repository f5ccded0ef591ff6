package dev.sequor.expr.jinja;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.PowerOfOperator;
import com.hubspot.jinjava.el.ext.StringConcatOperator;
import com.hubspot.jinjava.el.ext.TruncDivOperator;
import java.util.Properties;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.TreeBuilder;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.Parser.ParseException;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.tree.impl.Scanner.ScanException;
import jinjava.de.odysseus.el.tree.impl.Scanner.Symbol;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstString;

/**
 * Jinjava's expression parser with Python's arithmetic ({@link PythonArithmetic}), Python's string escapes
 * ({@link PythonScanner}) and two more of Jinja2's rules it
 * lacks: {@code ~} joins Python's {@code str()} of its
 * operands ({@link PythonConcatOperator}), and {@code a if cond} without {@code else} gives an empty string when
 * {@code cond} is false, as Jinja2's Undefined prints, where Jinjava gives None (so
 * <code>{{ "," if not loop.last }}</code> printed {@code None} after the last item). Expressions are parsed once
 * and cached by the expression factory, so this costs nothing per render.
 */
final class PythonParser extends ExtendedParser {

    PythonParser(Builder context, String input) {
        super(context, input);
        putExtensionHandler(StringConcatOperator.TOKEN, PythonConcatOperator.HANDLER);
        putExtensionHandler(TruncDivOperator.TOKEN, PythonArithmetic.FLOOR_DIV_HANDLER);
        putExtensionHandler(PowerOfOperator.TOKEN, PythonArithmetic.POW_HANDLER);
    }

    /** String literals with Python's escapes ({@link PythonScanner}). */
    @Override
    protected Scanner createScanner(String expression) {
        return new PythonScanner(expression);
    }

    /** Python's arithmetic ({@link PythonArithmetic}) in place of Jinjava's. */
    @Override
    protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
        return super.createAstBinary(left, right, PythonArithmetic.replacing(operator));
    }

    /** The expression factory Sequor's Jinjava uses: Jinjava's, with this parser. */
    static ExpressionFactoryImpl expressionFactory(TypeConverter converter) {
        return new ExpressionFactoryImpl(new Properties(), converter) {
            @Override
            protected TreeBuilder createTreeBuilder(Properties properties, Builder.Feature... features) {
                return new SyntaxBuilder(features); // Jinjava's features (method calls, varargs), no reflection
            }
        };
    }

    @Override
    protected AstNode expr(boolean required) throws ScanException, ParseException {
        AstNode v = or(required);
        if (v == null || getToken().getSymbol() != Symbol.QUESTION) {
            return v;
        }
        if (!getToken().getImage().equals("if")) {
            consumeToken();
            AstNode yes = expr(true);
            consumeToken(Symbol.COLON);
            return createAstChoice(v, yes, expr(true));
        }
        consumeToken();
        AstNode condition = expr(true);
        AstNode otherwise;
        if (getToken().getImage().equals("else")) {
            consumeToken();
            otherwise = expr(true);
        } else {
            otherwise = new AstString("");
        }
        return createAstChoice(condition, v, otherwise);
    }

    private static final class SyntaxBuilder extends ExtendedSyntaxBuilder {

        private static final long serialVersionUID = 1L;

        SyntaxBuilder(Feature... features) {
            super(features);
        }

        @Override
        protected Parser createParser(String expression) {
            return new PythonParser(this, expression);
        }
    }
}
